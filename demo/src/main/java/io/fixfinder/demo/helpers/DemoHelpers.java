package io.fixfinder.demo.helpers;

import io.fixfinder.core.helpers.Skill;
import io.fixfinder.core.helpers.SkillKind;
import io.fixfinder.core.helpers.contact.EmailAddresses;
import io.fixfinder.core.helpers.contact.PhoneNumbers;
import io.fixfinder.core.helpers.contact.VideoCallLinks;
import io.fixfinder.core.helpers.geo.Location;
import io.fixfinder.core.helpers.match.Reputation;
import io.fixfinder.core.helpers.schedule.WeeklyHours;
import io.fixfinder.demo.helpers.DemoHelper.Channels;
import io.fixfinder.demo.helpers.DemoHelper.IssueHint;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The demo's forty fictional helpers, written out by hand so that each reads like a person: a
 * retired technician in Lisbon, a night-owl laptop fixer in Chicago, a repair-café volunteer in
 * Amsterdam. Their skills use the demo catalogue's brands and models (Aqualine, Kesseler, Brewster,
 * Voltaro, Lumio) and the fault areas of {@code fault-areas.yaml}; a dozen know the Aqualine
 * washing machines' drain fault (E18), so the drain search shows several, near and remote, in
 * different time zones. Four are paused, eight are new (no outcome yet).
 *
 * <p>Every value goes through the same checks a real profile does (phone through libphonenumber,
 * email and link syntax, weekly-hours text, ISO codes), so a bad demo entry fails at once, and the
 * seeded rows look like real ones. Coordinates are city centres, rounded.
 */
public final class DemoHelpers {
  private DemoHelpers() {}

  private static volatile List<DemoHelper> all;

  /** All demo helpers, in a fixed order (the same on every run). */
  public static List<DemoHelper> all() {
    List<DemoHelper> a = all;
    if (a == null) {
      synchronized (DemoHelpers.class) {
        if (all == null) all = build();
        a = all;
      }
    }
    return a;
  }

  private static final String DRAIN = "wont-drain";

  private static List<DemoHelper> build() {
    List<Draft> out = new ArrayList<>();
    // ---------------------------------------------------------------- Europe
    out.add(
        h("Ana Ribeiro", "ana.ribeiro@example.org")
            .in("PT", "Lisbon", 38.72, -9.14, "Europe/Lisbon")
            .speaks("pt", "en", "es")
            .remote()
            .hours("mon 18:00-22:00, wed 18:00-22:00, sat 09:00-13:00")
            .knows("model:WM-8420X", "model:WM-6210", "brand:Aqualine", "type:washing-machine")
            .areas("washing-machine", "water", "door")
            .fixed("washing-machine", "Aqualine", "E18", DRAIN)
            .rep(8, 1, 0, 10, 9, 40)
            .video("https://meet.example.org/ana-ribeiro")
            .bio(
                "Retired appliance technician. Thirty years of drain pumps and door locks; happy to"
                    + " talk you through the filter by video."));
    out.add(
        h("Joost de Vries", "joost.devries@example.net")
            .in("NL", "Utrecht", 52.09, 5.12, "Europe/Amsterdam")
            .speaks("nl", "en", "de")
            .hours("tue 19:00-22:00, thu 19:00-22:00, sat 10:00-16:00")
            .knows("brand:Aqualine", "type:washing-machine")
            .areas("washing-machine", "water", "door")
            .fixed("washing-machine", "Aqualine", "E18", DRAIN)
            .rep(12, 2, 1, 16, 15, 25)
            .bio("Repair café Utrecht-Oost, every other Saturday. I bring a wet vacuum."));
    out.add(
        h("Sanne Bakker", "sanne.bakker@example.org")
            .in("NL", "Amsterdam", 52.37, 4.90, "Europe/Amsterdam")
            .speaks("nl", "en")
            .remote()
            .hours("sat 10:00-17:00, sun 10:00-17:00")
            .knows("type:washing-machine", "type:dishwasher", "type:tumble-dryer")
            .areas("washing-machine", "water", "heating")
            .areas("dishwasher", "water")
            .rep(5, 2, 0, 8, 7, 120)
            .video("https://video.example.com/sanne")
            .bio("Volunteer at a repair café; white goods are my favourite puzzle."));
    out.add(
        h("Pieter Janssens", "pieter.janssens@example.com")
            .in("BE", "Ghent", 51.05, 3.72, "Europe/Brussels")
            .speaks("nl", "fr", "en")
            .remote()
            .hours("mon 20:00-23:00, fri 20:00-23:00")
            .knows("model:WAK-2840", "brand:Kesseler", "type:washing-machine")
            .fixed("washing-machine", "Kesseler", "F21", DRAIN)
            .fresh()
            .bio("Electrical engineering student. New here, patient, and I read manuals for fun."));
    out.add(
        h("Lukas Schneider", "lukas.schneider@example.org")
            .in("DE", "Berlin", 52.52, 13.40, "Europe/Berlin")
            .speaks("de", "en")
            .remote()
            .hours("fri 22:00-24:00, sat 00:00-03:00, sat 22:00-24:00, sun 00:00-03:00")
            .knows("model:VX-1550", "model:VX-1470G", "brand:Voltaro", "type:laptop")
            .areas("laptop", "cooling", "power")
            .fixed("laptop", "Voltaro", "E07", "not-charging")
            .rep(15, 3, 1, 22, 20, 30)
            .video("https://meet.example.org/lukas-nachtschicht")
            .bio("Night owl. Laptop fans, chargers, thermal paste. Weekend nights are mine."));
    out.add(
        h("Miriam Hoffmann", "miriam.hoffmann@example.net")
            .in("DE", "Munich", 48.14, 11.58, "Europe/Berlin")
            .speaks("de", "en")
            .hours("wed 17:00-20:00, sat 09:00-12:00")
            .knows("model:SMV-46KX", "brand:Kesseler", "type:dishwasher")
            .areas("dishwasher", "water", "cleaning")
            .fixed("dishwasher", "Kesseler", "E24", DRAIN)
            .rep(4, 0, 0, 4, 4, 60)
            .bio(
                "Dishwashers that do not drain or do not clean: usually a filter, sometimes a hose."));
    out.add(
        h("Claire Dubois", "claire.dubois@example.org")
            .in("FR", "Lyon", 45.76, 4.84, "Europe/Paris")
            .speaks("fr", "en")
            .remote()
            .hours("mon 12:00-14:00, thu 12:00-14:00, sun 14:00-18:00")
            .knows("model:AC1200-B", "model:BR-990", "brand:Brewster", "type:coffee-machine")
            .areas("coffee-machine", "water", "heating")
            .fixed("coffee-machine", "Brewster", "OE", "no-coffee")
            .rep(9, 1, 0, 11, 11, 20)
            .phone("01 99 00 45 67", "FR")
            .bio("Barista turned tinkerer. Airlocks, descaling, thermoblocks."));
    out.add(
        h("Julien Martin", "julien.martin@example.com")
            .in("FR", "Paris", 48.86, 2.35, "Europe/Paris")
            .speaks("fr", "en", "es")
            .hours("sat 14:00-19:00")
            .knows("brand:Aqualine", "type:washing-machine", "type:dishwasher")
            .areas("washing-machine", "water")
            .fixed("washing-machine", "Aqualine", "E18", DRAIN)
            .rep(3, 1, 1, 6, 5, 180)
            .phone("01 99 00 12 34", "FR")
            .paused()
            .bio("On a break until the spring; washing machines in Paris otherwise."));
    out.add(
        h("Lucía García", "lucia.garcia@example.org")
            .in("ES", "Madrid", 40.42, -3.70, "Europe/Madrid")
            .speaks("es", "en")
            .remote()
            .hours("mon 21:00-24:00, tue 21:00-24:00, wed 21:00-24:00")
            .knows("model:LX-20", "model:LX-21 PRO", "brand:Lumio", "type:smartphone")
            .areas("smartphone", "power", "display", "startup")
            .fixed("smartphone", "Lumio", "", "boot-loop")
            .rep(11, 2, 0, 14, 14, 15)
            .video("https://meet.example.org/lucia")
            .bio("Phone repair is my evening hobby: boot loops, batteries, cracked screens."));
    out.add(
        h("Marco Rossi", "marco.rossi@example.net")
            .in("IT", "Bologna", 44.49, 11.34, "Europe/Rome")
            .speaks("it", "en")
            .hours("sat 08:00-12:00, sun 08:00-12:00")
            .knows("model:CM-320", "brand:Brewster", "type:coffee-machine")
            .areas("coffee-machine", "water")
            .rep(2, 0, 0, 2, 2, 240)
            .bio("Espresso machines since I was twelve, in my father's bar."));
    out.add(
        h("Giulia Bianchi", "giulia.bianchi@example.org")
            .in("IT", "Milan", 45.46, 9.19, "Europe/Rome")
            .speaks("it", "en", "fr")
            .remote()
            .hours("tue 18:30-21:30, thu 18:30-21:30")
            .knows(
                "model:WM-6210",
                "model:TD-7100",
                "brand:Aqualine",
                "type:washing-machine",
                "type:tumble-dryer")
            .areas("tumble-dryer", "heating")
            .areas("washing-machine", "water")
            .fixed("tumble-dryer", "Aqualine", "E65", "not-drying")
            .fresh()
            .video("https://video.example.net/giulia")
            .bio("Mechanical engineer, new to volunteering. Dryers and washers."));
    out.add(
        h("Oliver Bennett", "oliver.bennett@example.org")
            .in("GB", "London", 51.51, -0.13, "Europe/London")
            .speaks("en")
            .remote()
            .hours("mon 19:00-23:00, tue 19:00-23:00, wed 19:00-23:00, thu 19:00-23:00")
            .knows("model:WM-8420X", "model:DW-4500S", "type:washing-machine", "type:dishwasher")
            .areas("washing-machine", "water", "motor")
            .fixed("washing-machine", "Aqualine", "E18", DRAIN)
            .rep(22, 3, 1, 28, 27, 35)
            .phone("020 7946 0123", "GB")
            .video("https://meet.example.org/oliver-b")
            .bio("Ex-field engineer for a white-goods firm. Weeknights, by phone or video."));
    out.add(
        h("Priya Shah", "priya.shah@example.net")
            .in("GB", "Manchester", 53.48, -2.24, "Europe/London")
            .speaks("en", "hi", "gu")
            .remote()
            .hours("sat 09:00-18:00")
            .knows("brand:Voltaro", "model:LB-14", "type:laptop", "type:smartphone")
            .areas("laptop", "keyboard", "power", "startup")
            .rep(6, 1, 0, 8, 7, 90)
            .phone("0161 496 0123", "GB")
            .bio(
                "IT support by day; Saturdays I help people rescue laptops instead of binning them."));
    out.add(
        h("Aoife Murphy", "aoife.murphy@example.com")
            .in("IE", "Dublin", 53.35, -6.26, "Europe/Dublin")
            .speaks("en", "ga")
            .hours("sun 12:00-17:00")
            .knows("type:tumble-dryer", "type:washing-machine")
            .areas("tumble-dryer", "heating", "motor")
            .rep(1, 1, 0, 3, 2, 600)
            .bio("Sunday afternoons at the community workshop."));
    out.add(
        h("Erik Lindqvist", "erik.lindqvist@example.org")
            .in("SE", "Stockholm", 59.33, 18.07, "Europe/Stockholm")
            .speaks("sv", "en", "de")
            .remote()
            .hours(
                "mon 06:00-08:00, tue 06:00-08:00, wed 06:00-08:00, thu 06:00-08:00, fri 06:00-08:00")
            .knows("model:DW-4500S", "brand:Aqualine", "type:dishwasher")
            .areas("dishwasher", "water", "cleaning")
            .fixed("dishwasher", "Aqualine", "E18", DRAIN)
            .rep(7, 0, 1, 9, 9, 45)
            .video("https://meet.example.com/erik")
            .bio("Early bird: before work, coffee in hand, dishwashers only."));
    out.add(
        h("Katarzyna Nowak", "katarzyna.nowak@example.net")
            .in("PL", "Kraków", 50.06, 19.94, "Europe/Warsaw")
            .speaks("pl", "en", "de")
            .remote()
            .hours("mon 20:00-23:00, wed 20:00-23:00, sat 20:00-23:00")
            .knows("model:WM-8420X", "type:washing-machine")
            .areas("washing-machine", "water", "door")
            .fixed("washing-machine", "Aqualine", "E21", "door-locked")
            .fixed("washing-machine", "Aqualine", "E18", DRAIN)
            .rep(3, 0, 0, 3, 3, 50)
            .bio("Physicist who fixes her neighbours' washing machines."));
    out.add(
        h("Thomas Gruber", "thomas.gruber@example.org")
            .in("AT", "Vienna", 48.21, 16.37, "Europe/Vienna")
            .speaks("de", "en")
            .hours("fri 15:00-19:00")
            .knows(
                "model:WAK-2840",
                "model:SMV-46KX",
                "brand:Kesseler",
                "type:washing-machine",
                "type:dishwasher")
            .areas("washing-machine", "heating")
            .fixed("washing-machine", "Kesseler", "F08", "not-heating")
            .rep(10, 2, 0, 13, 12, 60)
            .paused()
            .bio("Kesseler service technician, retired. Paused while I travel."));
    out.add(
        h("Inês Costa", "ines.costa@example.com")
            .in("PT", "Porto", 41.15, -8.61, "Europe/Lisbon")
            .speaks("pt", "en", "fr")
            .remote()
            .hours("tue 21:00-24:00, wed 00:00-01:00, sun 10:00-13:00")
            .knows("model:BR-990", "type:coffee-machine")
            .areas("coffee-machine", "water")
            .fresh()
            .bio("New helper. I restore old espresso machines and like the modern ones too."));
    out.add(
        h("Hannah Weber", "hannah.weber@example.net")
            .in("CH", "Zürich", 47.37, 8.54, "Europe/Zurich")
            .speaks("de", "fr", "it", "en")
            .remote()
            .hours("sat 13:00-18:00")
            .knows("brand:Aqualine", "brand:Kesseler", "type:washing-machine", "type:dishwasher")
            .areas("washing-machine", "water")
            .fixed("washing-machine", "Kesseler", "E15", "leaking")
            .rep(14, 1, 0, 15, 15, 20)
            .video("https://meet.example.net/hannah")
            .bio("Four languages, two brands, one rule: unplug it first."));
    out.add(
        h("Bram Peeters", "bram.peeters@example.org")
            .in("BE", "Antwerp", 51.22, 4.40, "Europe/Brussels")
            .speaks("nl", "en")
            .hours("thu 18:00-21:00")
            .knows("model:WM-8420X", "type:washing-machine")
            .areas("washing-machine", "water")
            .fixed("washing-machine", "Aqualine", "E18", DRAIN)
            .rep(0, 1, 1, 3, 2, 300)
            .bio("Learning as I go; Thursday evenings."));
    // ---------------------------------------------------------------- Americas
    out.add(
        h("Emily Carter", "emily.carter@example.com")
            .in("US", "New York", 40.71, -74.01, "America/New_York")
            .speaks("en", "es")
            .remote()
            .hours("mon 19:00-23:00, wed 19:00-23:00, fri 19:00-23:00")
            .knows("model:WM-8420X", "brand:Aqualine", "type:washing-machine")
            .areas("washing-machine", "water")
            .fixed("washing-machine", "Aqualine", "E18", DRAIN)
            .rep(18, 2, 0, 21, 21, 25)
            .phone("(212) 555-0142", "US")
            .video("https://meet.example.com/emily-fixes")
            .bio("Landlord's nightmare: the tenant who fixes it herself. Evenings, Eastern time."));
    out.add(
        h("Marcus Johnson", "marcus.johnson@example.org")
            .in("US", "Chicago", 41.88, -87.63, "America/Chicago")
            .speaks("en")
            .remote()
            .hours("sat 22:00-24:00, sun 00:00-04:00")
            .knows("model:VX-1470G", "brand:Voltaro", "type:laptop")
            .areas("laptop", "cooling", "startup")
            .fixed("laptop", "Voltaro", "", "overheating")
            .rep(5, 1, 0, 7, 6, 15)
            .phone("(312) 555-0187", "US")
            .bio("Gaming laptops that run hot. Saturday nights, when everyone else is asleep."));
    out.add(
        h("Sofía Hernández", "sofia.hernandez@example.net")
            .in("MX", "Mexico City", 19.43, -99.13, "America/Mexico_City")
            .speaks("es", "en")
            .remote()
            .hours("mon 18:00-21:00, tue 18:00-21:00, sat 10:00-14:00")
            .knows("model:LX-20", "brand:Lumio", "type:smartphone")
            .areas("smartphone", "power", "audio")
            .fixed("smartphone", "Lumio", "", "not-charging")
            .rep(9, 3, 1, 14, 13, 45)
            .bio("Phones: charging ports, speakers, batteries. Español o inglés."));
    out.add(
        h("Rafael Souza", "rafael.souza@example.com")
            .in("BR", "São Paulo", -23.55, -46.63, "America/Sao_Paulo")
            .speaks("pt", "es", "en")
            .remote()
            .hours("sun 09:00-12:00, wed 20:00-23:00")
            .knows("model:CM-320", "model:AC1200-B", "type:coffee-machine")
            .areas("coffee-machine", "heating", "water")
            .fixed("coffee-machine", "Brewster", "E3", "overheating")
            .fresh()
            .video("https://video.example.org/rafael")
            .bio("Café owner; I keep three machines alive and can help with yours."));
    out.add(
        h("Valentina López", "valentina.lopez@example.org")
            .in("AR", "Buenos Aires", -34.60, -58.38, "America/Argentina/Buenos_Aires")
            .speaks("es", "it", "en")
            .remote()
            .hours("tue 22:00-24:00, wed 22:00-24:00, thu 22:00-24:00")
            .knows("brand:Aqualine", "type:washing-machine", "type:dishwasher")
            .areas("washing-machine", "water", "door")
            .fixed("washing-machine", "Aqualine", "E18", DRAIN)
            .rep(6, 1, 0, 8, 7, 60)
            .bio("Late evenings in Buenos Aires, which is morning somewhere else."));
    out.add(
        h("Liam O'Connor", "liam.oconnor@example.net")
            .in("CA", "Toronto", 43.65, -79.38, "America/Toronto")
            .speaks("en", "fr")
            .remote()
            .hours("sat 08:00-11:00, sun 08:00-11:00")
            .knows("model:SMV-46KX", "brand:Kesseler", "type:dishwasher")
            .areas("dishwasher", "cleaning", "water")
            .fixed("dishwasher", "Kesseler", "E24", DRAIN)
            .rep(4, 2, 0, 7, 6, 240)
            .phone("(416) 555-0199", "CA")
            .bio("Weekend mornings. Dishwashers mostly."));
    out.add(
        h("Chloé Tremblay", "chloe.tremblay@example.com")
            .in("CA", "Montréal", 45.50, -73.57, "America/Toronto")
            .speaks("fr", "en")
            .hours("mon 17:30-20:30, thu 17:30-20:30")
            .knows("model:TD-7100", "type:tumble-dryer", "type:washing-machine")
            .areas("tumble-dryer", "heating")
            .fixed("tumble-dryer", "Aqualine", "E65", "not-drying")
            .rep(2, 0, 0, 2, 2, 30)
            .phone("(514) 555-0123", "CA")
            .paused()
            .bio("Sécheuses et laveuses. En pause pour l'instant."));
    out.add(
        h("Jake Miller", "jake.miller@example.org")
            .in("US", "Denver", 39.74, -104.99, "America/Denver")
            .speaks("en")
            .hours("sun 13:00-17:00")
            .knows("model:WM-6210", "type:washing-machine")
            .areas("washing-machine", "motor", "water")
            .fresh()
            .phone("(303) 555-0110", "US")
            .bio("Handyman, new to FixFinder. Sunday afternoons around Denver."));
    out.add(
        h("Ava Nguyen", "ava.nguyen@example.net")
            .in("US", "San Francisco", 37.77, -122.42, "America/Los_Angeles")
            .speaks("en", "vi")
            .remote()
            .hours("mon 21:00-24:00, tue 21:00-24:00, wed 21:00-24:00, thu 21:00-24:00")
            .knows(
                "model:LX-21 PRO", "model:LB-14", "brand:Lumio", "type:smartphone", "type:laptop")
            .areas("smartphone", "display", "power")
            .fixed("smartphone", "Lumio", "", "battery-drain")
            .rep(25, 4, 1, 31, 30, 12)
            .phone("(415) 555-0168", "US")
            .video("https://meet.example.net/ava")
            .bio("Hardware engineer. Battery drain is a software bug until proven otherwise."));
    out.add(
        h("Noah Smith", "noah.smith@example.com")
            .in("CA", "Vancouver", 49.28, -123.12, "America/Vancouver")
            .speaks("en", "zh")
            .remote()
            .hours("fri 18:00-23:00")
            .knows("model:VX-1550", "type:laptop")
            .areas("laptop", "keyboard", "power")
            .fixed("laptop", "Voltaro", "E07", "not-charging")
            .rep(1, 0, 0, 1, 1, 20)
            .phone("(604) 555-0101", "CA")
            .bio("Friday nights, laptops, tea."));
    out.add(
        h("Camila Rojas", "camila.rojas@example.org")
            .in("CL", "Santiago", -33.45, -70.67, "America/Santiago")
            .speaks("es", "en")
            .remote()
            .hours("sat 15:00-20:00")
            .knows("brand:Brewster", "type:coffee-machine")
            .areas("coffee-machine", "water")
            .rep(3, 1, 0, 4, 4, 100)
            .bio("Coffee machines on Saturday afternoons."));
    // ---------------------------------------------------------------- Asia and Oceania
    out.add(
        h("Yuki Tanaka", "yuki.tanaka@example.org")
            .in("JP", "Tokyo", 35.68, 139.69, "Asia/Tokyo")
            .speaks("ja", "en")
            .remote()
            .hours("mon 20:00-23:00, thu 20:00-23:00, sun 09:00-12:00")
            .knows("model:LX-20", "model:LX-21 PRO", "type:smartphone")
            .areas("smartphone", "audio", "startup")
            .fixed("smartphone", "Lumio", "", "no-sound")
            .rep(13, 1, 0, 14, 14, 30)
            .video("https://meet.example.org/yuki")
            .bio("Smartphone audio and boot problems. Evenings in Tokyo."));
    out.add(
        h("Kenji Watanabe", "kenji.watanabe@example.net")
            .in("JP", "Osaka", 34.69, 135.50, "Asia/Tokyo")
            .speaks("ja")
            .hours("sat 10:00-15:00")
            .knows("brand:Voltaro", "type:laptop")
            .areas("laptop", "cooling")
            .fresh()
            .bio("Retired teacher; cleaning laptop fans is meditation."));
    out.add(
        h("Wei Ling Tan", "weiling.tan@example.com")
            .in("SG", "Singapore", 1.29, 103.85, "Asia/Singapore")
            .speaks("en", "zh", "ms")
            .remote()
            .hours("tue 20:00-23:00, sat 20:00-23:00")
            .knows("model:WM-8420X", "type:washing-machine", "type:dishwasher")
            .areas("washing-machine", "water", "door")
            .fixed("washing-machine", "Aqualine", "E18", DRAIN)
            .rep(7, 1, 0, 9, 8, 40)
            .video("https://video.example.com/weiling")
            .bio("Appliance repair in three languages, by video."));
    out.add(
        h("Arjun Mehta", "arjun.mehta@example.org")
            .in("IN", "Bengaluru", 12.97, 77.59, "Asia/Kolkata")
            .speaks("en", "hi", "kn")
            .remote()
            .hours("mon 06:00-09:00, wed 06:00-09:00, fri 06:00-09:00")
            .knows("brand:Voltaro", "model:LB-14", "type:laptop")
            .areas("laptop", "power", "startup", "keyboard")
            .fixed("laptop", "Voltaro", "", "wont-turn-on")
            .rep(20, 5, 2, 30, 27, 20)
            .video("https://meet.example.org/arjun")
            .bio("Laptops that will not power on. Mornings in India, evenings in the Americas."));
    out.add(
        h("Jack Wilson", "jack.wilson@example.net")
            .in("AU", "Sydney", -33.87, 151.21, "Australia/Sydney")
            .speaks("en")
            .remote()
            .hours("mon 19:00-22:00, tue 19:00-22:00, sun 13:00-17:00")
            .knows("model:WM-8420X", "model:WM-6210", "type:washing-machine")
            .areas("washing-machine", "water")
            .fixed("washing-machine", "Aqualine", "E18", DRAIN)
            .rep(10, 1, 0, 11, 11, 30)
            .phone("0491 570 156", "AU")
            .bio("Sparky by trade. Drain pumps, door locks, bearings."));
    out.add(
        h("Mia Thompson", "mia.thompson@example.com")
            .in("AU", "Melbourne", -37.81, 144.96, "Australia/Melbourne")
            .speaks("en", "it")
            .hours("sat 09:00-14:00")
            .knows("brand:Kesseler", "type:dishwasher", "type:washing-machine")
            .areas("dishwasher", "water", "cleaning")
            .rep(3, 1, 0, 5, 4, 90)
            .phone("0491 570 157", "AU")
            .bio("Saturday mornings at the Brunswick repair café."));
    out.add(
        h("Charlotte Brown", "charlotte.brown@example.org")
            .in("AU", "Perth", -31.95, 115.86, "Australia/Perth")
            .speaks("en", "fr")
            .remote()
            .hours("wed 18:00-21:00, fri 18:00-21:00")
            .knows("model:AC1200-B", "type:coffee-machine")
            .areas("coffee-machine", "water")
            .fixed("coffee-machine", "Brewster", "C1", "needs-descaling")
            .fresh()
            .phone("0491 570 158", "AU")
            .bio("Descaling evangelist. New here."));
    out.add(
        h("Aroha Ngata", "aroha.ngata@example.net")
            .in("NZ", "Auckland", -36.85, 174.76, "Pacific/Auckland")
            .speaks("en", "mi")
            .remote()
            .hours("sun 00:00-24:00")
            .knows("model:TD-7100", "type:tumble-dryer", "type:washing-machine")
            .areas("tumble-dryer", "heating", "motor")
            .fixed("tumble-dryer", "Aqualine", "E65", "not-drying")
            .rep(8, 0, 0, 8, 8, 60)
            .video("https://meet.example.net/aroha")
            .bio("Sundays, all day, from the first time zone of the week."));
    out.add(
        h("Daniel Kim", "daniel.kim@example.com")
            .in("KR", "Seoul", 37.57, 126.98, "Asia/Seoul")
            .speaks("ko", "en")
            .remote()
            .hours("tue 22:00-24:00, wed 00:00-02:00, fri 22:00-24:00, sat 00:00-02:00")
            .knows("brand:Lumio", "type:smartphone", "type:laptop")
            .areas("smartphone", "display", "power")
            .fixed("smartphone", "Lumio", "", "screen-fault")
            .rep(2, 2, 1, 6, 4, 300)
            .paused()
            .bio("Screens and batteries, late at night. Paused during exams."));
    return List.copyOf(out.stream().map(Draft::build).toList());
  }

  private static Draft h(String name, String email) {
    return new Draft(name, email);
  }

  /** One helper being written down; {@link #build()} runs every check a real profile gets. */
  private static final class Draft {
    private final String name;
    private final String email;
    private String bio = "";
    private Location location;
    private ZoneId zone;
    private final List<String> languages = new ArrayList<>();
    private boolean remote;
    private WeeklyHours hours = WeeklyHours.EMPTY;
    private final Set<Skill> skills = new LinkedHashSet<>();
    private final List<IssueHint> hints = new ArrayList<>();
    private Reputation reputation = Reputation.NEW;
    private Optional<String> phone = Optional.empty();
    private Optional<String> video = Optional.empty();
    private boolean paused;

    Draft(String name, String email) {
      this.name = name;
      this.email = EmailAddresses.normalise(email);
    }

    Draft in(String country, String city, double lat, double lon, String zone) {
      this.location = Location.of(country, city, lat, lon);
      this.zone = ZoneId.of(zone);
      return this;
    }

    Draft speaks(String... codes) {
      languages.addAll(List.of(codes));
      return this;
    }

    Draft remote() {
      remote = true;
      return this;
    }

    Draft hours(String text) {
      hours = WeeklyHours.parse(text);
      return this;
    }

    Draft knows(String... kindColonValue) {
      for (String s : kindColonValue) {
        int colon = s.indexOf(':');
        skills.add(new Skill(SkillKind.fromKey(s.substring(0, colon)), s.substring(colon + 1)));
      }
      return this;
    }

    Draft areas(String type, String... areaKeys) {
      for (String key : areaKeys) skills.add(Skill.area(Skill.faultAreaId(type, key)));
      return this;
    }

    Draft fixed(String type, String brand, String code, String symptom) {
      hints.add(new IssueHint(type, brand, code, symptom));
      return this;
    }

    Draft rep(int fixed, int notFixed, int gaveUp, int received, int answered, int medianMinutes) {
      reputation =
          new Reputation(
              fixed, notFixed, gaveUp, received, answered, OptionalInt.of(medianMinutes));
      return this;
    }

    Draft fresh() {
      reputation = Reputation.NEW;
      return this;
    }

    Draft phone(String raw, String region) {
      phone = Optional.of(PhoneNumbers.normalise(raw, region));
      return this;
    }

    Draft video(String link) {
      video = Optional.of(VideoCallLinks.normalise(link));
      return this;
    }

    Draft paused() {
      paused = true;
      return this;
    }

    Draft bio(String text) {
      bio = text;
      return this;
    }

    DemoHelper build() {
      String handle =
          java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
              .replaceAll("\\p{M}", "")
              .toLowerCase(Locale.ROOT)
              .replaceAll("[^a-z0-9]+", "-");
      return new DemoHelper(
          handle,
          email,
          name,
          bio,
          skills,
          hints,
          languages,
          location,
          remote,
          zone,
          hours,
          paused,
          new Channels(phone, Optional.of(email), video),
          reputation);
    }
  }
}
