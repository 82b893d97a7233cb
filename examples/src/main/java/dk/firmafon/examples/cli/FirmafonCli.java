package dk.firmafon.examples.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
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
        version = "firmafon (Firmafon reactive Java SDK example) 0.1.0",
        description = {
            "The Firmafon v2 API from a shell (not an official Firmafon product).",
            "Configured from the environment: FIRMAFON_TOKEN, FIRMAFON_AUTH (bearer|query|basic), FIRMAFON_BASE_URL,",
            "FIRMAFON_CLIENT_ID, FIRMAFON_CLIENT_SECRET, FIRMAFON_REDIRECT_URI, FIRMAFON_AUTHORIZE_URL,",
            "FIRMAFON_TOKEN_URL, FIRMAFON_TOKEN_FILE. With no token and no base URL it runs against an embedded fake."
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
            HelpCommand.class
        })
public final class FirmafonCli {
    private final CliContext context;

    FirmafonCli(CliContext context) {
        this.context = context;
    }

    @Option(
            names = "--json",
            scope = ScopeType.INHERIT,
            description = "Print one JSON object per line, with the API's field names.")
    void json(boolean json) {
        context.json(json);
    }

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print the stack trace of a failure.")
    void debug(boolean debug) {
        context.debug(debug);
    }

    /** The configured command line for {@code context}: the entry point for {@link #main} and for tests. */
    public static CommandLine commandLine(CliContext context) {
        CommandLine commandLine = new CommandLine(new FirmafonCli(context), new ContextFactory(context));
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
