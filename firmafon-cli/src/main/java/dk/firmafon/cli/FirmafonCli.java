package dk.firmafon.cli;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code firmafon}: the Firmafon API from a shell.
 *
 * <pre>
 * firmafon calls list --max 10
 * firmafon --json voicemails list | jq .from_number
 * firmafon api GET /employee
 * </pre>
 *
 * With no {@code FIRMAFON_TOKEN} and no {@code FIRMAFON_BASE_URL} it runs against an embedded fake Firmafon.
 */
@Command(
        name = "firmafon",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT, // --help, -h and --version on every command and subcommand
        versionProvider = FirmafonCli.Version.class,
        description = {
            "The Firmafon v2 API from a shell (not an official Firmafon product).",
            "Configured by profiles (firmafon config) and the environment, which wins: FIRMAFON_TOKEN, FIRMAFON_AUTH"
                    + " (bearer|query|basic), FIRMAFON_BASE_URL, FIRMAFON_PRESET (firmafon|relatel),"
                    + " FIRMAFON_CLIENT_ID, FIRMAFON_CLIENT_SECRET, FIRMAFON_REDIRECT_URI, FIRMAFON_AUTHORIZE_URL,"
                    + " FIRMAFON_TOKEN_URL, FIRMAFON_TOKEN_FILE, FIRMAFON_PROFILE, FIRMAFON_PROXY; HTTPS_PROXY,"
                    + " HTTP_PROXY and NO_PROXY are honoured.",
            "With no token and no base URL it runs against an embedded fake. Every command takes --help;"
                    + " times are a date (2025-06-02), a local time (2025-06-02T14:30) or with an offset."
        },
        subcommands = {
            CallsCommand.class,
            EmployeesCommand.class,
            GroupsCommand.class,
            ReceptionsCommand.class,
            ContactsCommand.class,
            VoicemailsCommand.class,
            AnnouncementsCommand.class,
            SmileysCommand.class,
            RecordingsCommand.class,
            StatisticsCommand.class,
            EventsCommand.class,
            AuthCommand.class,
            ApiCommand.class,
            ConfigCommand.class,
            CompletionCommand.class,
            HelpCommand.class
        })
public final class FirmafonCli {
    private final CliContext context;

    FirmafonCli(CliContext context) {
        this.context = context;
    }

    @Option(
            names = "--output",
            paramLabel = "FORMAT",
            scope = ScopeType.INHERIT,
            description = "table (default), json (one object per line, the API's field names) or csv.")
    void output(CliContext.Format format) {
        context.format(format);
    }

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "The same as --output json.")
    void json(boolean json) {
        if (json) {
            context.format(CliContext.Format.JSON);
        }
    }

    @Option(
            names = "--fields",
            paramLabel = "a,b,c",
            split = ",",
            scope = ScopeType.INHERIT,
            description = "Print only these fields (the API's names, e.g. call_uuid,started_at), in this order.")
    void fields(java.util.List<String> fields) {
        context.fields(fields);
    }

    @Option(
            names = "--profile",
            paramLabel = "NAME",
            scope = ScopeType.INHERIT,
            description = "Use this profile of the config file (default: FIRMAFON_PROFILE, else the current one).")
    void profile(String profile) {
        context.profile(profile);
    }

    @Option(
            names = "--proxy",
            paramLabel = "URL",
            scope = ScopeType.INHERIT,
            description = "Send every request (API calls and the OAuth token exchange) through this HTTP proxy.")
    void proxy(java.net.URI proxy) {
        context.proxy(proxy);
    }

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print the stack trace of a failure.")
    void debug(boolean debug) {
        context.debug(debug);
    }

    /** The configured command line for {@code context}: the entry point for {@link #main} and for tests. */
    public static CommandLine commandLine(CliContext context) {
        CommandLine commandLine = new CommandLine(new FirmafonCli(context), new ContextFactory(context));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.registerConverter(
                java.time.OffsetDateTime.class, new TimeConverter(java.time.ZoneId.systemDefault()));
        // a usage error is one line and where to read more, not the whole usage text
        commandLine.setParameterExceptionHandler((exception, args) -> {
            CommandLine command = exception.getCommandLine();
            PrintWriter err = command.getErr();
            err.println("firmafon: " + exception.getMessage() + " (see '"
                    + command.getCommandSpec().qualifiedName() + " --help')");
            err.flush();
            return ExitCodes.USAGE;
        });
        commandLine.setExecutionExceptionHandler(new ErrorReport(context));
        commandLine.setExecutionStrategy(parseResult -> {
            context.attach(commandLine.getErr());
            try {
                return new CommandLine.RunLast().execute(parseResult);
            } finally {
                context.close();
            }
        });
        return commandLine;
    }

    public static void main(String[] args) {
        System.exit(commandLine(CliContext.system()).execute(args));
    }

    /** {@code --version}: the version the build wrote into the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws java.io.IOException {
            java.util.Properties properties = new java.util.Properties();
            try (java.io.InputStream in = FirmafonCli.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {
                "firmafon " + properties.getProperty("version", "(unknown version)"),
                "Firmafon reactive Java SDK; Java " + System.getProperty("java.version")
            };
        }
    }

    /** Creates commands, handing the shared {@link CliContext} to those whose constructor takes one. */
    private static final class ContextFactory implements IFactory {
        private final CliContext context;
        private final IFactory fallback = CommandLine.defaultFactory();

        ContextFactory(CliContext context) {
            this.context = context;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                Class<?>[] parameters = constructor.getParameterTypes();
                if (parameters.length == 1 && parameters[0] == CliContext.class) {
                    constructor.setAccessible(true);
                    return type.cast(constructor.newInstance(context));
                }
            }
            return fallback.create(type);
        }
    }
}
