package io.fixfinder.api.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProblemMapperTest {
  @Test
  void aDecodingFailureInOurOwnCodeIsOursNotTheClients() {
    // Bad %-escapes from the client are refused from the raw URI before any handler runs; one
    // thrown later is our bug (a 500), whichever JDK frame it came from.
    Throwable ours = catchThrowable(() -> URLDecoder.decode("%", StandardCharsets.UTF_8));
    assertThat(ours).isInstanceOf(IllegalArgumentException.class);
    assertThat(ProblemMapper.clientFault(ours)).isNull();
  }
}
