/**
 * Suite-wide guards every SDK module's tests run under (test scope only, never published): a Netty leak check and a
 * secrets guard over every log line and exception message, both failing the test class that produced the finding,
 * and a recording SLF4J provider. Everything is registered automatically (JUnit Jupiter extension auto-detection,
 * a launcher session listener and the SLF4J service loader; property classes are plain JUnit tests).
 */
@NullMarked
package dk.firmafon.testsupport;

import org.jspecify.annotations.NullMarked;
