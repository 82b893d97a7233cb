package dk.firmafon.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code firmafon config list|set|use}: the named profiles of the config file. */
@Command(
        name = "config",
        description = {
            "Named profiles: a preset or base URL, how the token is sent, an OAuth application, a proxy.",
            "Kept in $XDG_CONFIG_HOME/firmafon/config.properties (else $HOME/.config/firmafon/), readable by you only;",
            "tokens from `auth login` go to token.json (profile default) or tokens/NAME.json beside it."
        },
        subcommands = {ConfigCommand.ListProfiles.class, ConfigCommand.Set.class, ConfigCommand.Use.class})
final class ConfigCommand {
    private ConfigCommand() {}

    /** Base of the config commands: the context, and the writer of the command line. */
    abstract static class Base implements Callable<Integer> {
        protected final CliContext context;

        @Spec
        @SuppressWarnings("NullAway.Init")
        CommandSpec spec;

        Base(CliContext context) {
            this.context = context;
        }

        protected PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    @Command(name = "list", description = "Print every profile and its settings (secrets as ***); * marks the current.")
    static final class ListProfiles extends Base {
        ListProfiles(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            ConfigFile config = context.config();
            out().println("# " + config.path());
            Map<String, Map<String, String>> profiles = config.profiles();
            if (!profiles.containsKey(config.current())) {
                out().println("* " + config.current());
            }
            profiles.forEach((name, settings) -> {
                out().println((name.equals(config.current()) ? "* " : "  ") + name);
                settings.forEach(
                        (key, value) -> out().println("    " + key + " = " + ConfigFile.printable(key, value)));
            });
            out().flush();
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "set",
            description = {
                "Set a setting of the profile --profile names (else the current one); a new profile is created.",
                "KEY: preset, base-url, token, auth, client-id, client-secret, redirect-uri, authorize-url, token-url,"
                        + " proxy."
            })
    static final class Set extends Base {
        @Parameters(index = "0", paramLabel = "KEY")
        @SuppressWarnings("NullAway.Init")
        String key;

        @Parameters(index = "1", paramLabel = "VALUE")
        @SuppressWarnings("NullAway.Init")
        String value;

        Set(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            ConfigFile config = context.config();
            String profile = context.profileFlag().orElse(config.current());
            config.set(profile, key, value);
            out().println("set " + profile + "." + key + " = " + ConfigFile.printable(key, value.trim()) + " in "
                    + config.path());
            out().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "use", description = "Make a profile the current one.")
    static final class Use extends Base {
        @Parameters(paramLabel = "NAME")
        @SuppressWarnings("NullAway.Init")
        String name;

        Use(CliContext context) {
            super(context);
        }

        @Override
        public Integer call() {
            ConfigFile config = context.config();
            config.use(name);
            out().println("using profile " + name);
            out().flush();
            return ExitCodes.OK;
        }
    }
}
