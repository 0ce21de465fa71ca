/** Small file and hashing utilities every module uses the same way. */
package io.fixfinder.core.io;
