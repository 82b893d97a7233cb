package dk.firmafon.events.internal;

/** Bayeux channel names and their wildcards ({@code /a/*} one segment, {@code /a/**} any number). */
final class Channels {
    private Channels() {}

    static boolean matches(String pattern, String channel) {
        if (pattern.equals(channel)) {
            return true;
        }
        if (pattern.endsWith("/**")) {
            String prefix = pattern.substring(0, pattern.length() - 2);
            return channel.startsWith(prefix) && channel.length() > prefix.length();
        }
        if (pattern.endsWith("/*")) {
            String prefix = pattern.substring(0, pattern.length() - 1);
            return channel.startsWith(prefix)
                    && channel.length() > prefix.length()
                    && channel.indexOf('/', prefix.length()) < 0;
        }
        return false;
    }

    /** A channel the feed takes: absolute, no white space, not a meta or service channel. */
    static String checked(String channel) {
        if (channel == null
                || !channel.startsWith("/")
                || channel.length() < 2
                || channel.chars().anyMatch(Character::isWhitespace)
                || channel.startsWith("/meta/")
                || channel.startsWith("/service/")) {
            throw new IllegalArgumentException(
                    "channels must hold Bayeux channel names such as /call2/company/42, was '" + channel + "'");
        }
        return channel;
    }
}
