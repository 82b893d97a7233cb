package dk.firmafon.cli;

import dk.firmafon.calls.SmileyQuery;
import dk.firmafon.calls.SmileysClient;
import dk.firmafon.calls.model.Smiley;
import dk.firmafon.core.model.Endpoint;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code firmafon smileys ...}. */
@Command(
        name = "smileys",
        description = "Smileys: callers' feedback after a call or chat (needs Switch).",
        subcommands = {SmileysCommand.ListSmileys.class, SmileysCommand.Statistics.class})
final class SmileysCommand {
    static final Table<Smiley> TABLE = Table.<Smiley>builder()
            .column("ID", 6, Smiley::id)
            .column("RATED", 25, Smiley::ratedAt)
            .column("NPS", 3, Smiley::netPromoterScore)
            .column("KIND", 8, Smiley::kind)
            .column("ENDPOINT", 16, Smiley::endpoint)
            .column("NUMBER", 14, Smiley::number)
            .column("COMMENT", 30, Smiley::comment)
            .build();

    private static SmileysClient smileys(CliContext context) {
        return context.connection().firmafon().smileys();
    }

    /** The query of {@code --endpoint} and {@code --limit}. */
    static SmileyQuery query(Optional<String> endpoint, Optional<Integer> limit) {
        SmileyQuery query = SmileyQuery.all();
        if (endpoint.isPresent()) {
            query = query.withEndpoint(Endpoint.parse(endpoint.get()));
        }
        return limit.isPresent() ? query.withLimit(limit.get()) : query;
    }

    @Command(name = "list", description = "Smileys, as the service orders them.")
    static final class ListSmileys extends CliCommand {
        @Mixin
        ListOptions listing = new ListOptions();

        @Option(
                names = "--endpoint",
                paramLabel = "ENDPOINT",
                description = "Only for this endpoint, e.g. Reception#2 or ChatReception#3.")
        Optional<String> endpoint = Optional.empty();

        @Option(names = "--limit", paramLabel = "N", description = "Ask the service for at most N (1-100).")
        Optional<Integer> limit = Optional.empty();

        ListSmileys(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            output().list(smileys(context).list(query(endpoint, limit)), TABLE, listing.max());
            return ExitCodes.OK;
        }
    }

    @Command(name = "statistics", description = "Smiley statistics, as the service sends them.")
    static final class Statistics extends CliCommand {
        @Option(
                names = "--endpoint",
                paramLabel = "ENDPOINT",
                description = "Only for this endpoint, e.g. Reception#2.")
        Optional<String> endpoint = Optional.empty();

        Statistics(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            smileys(context)
                    .statistics(query(endpoint, Optional.empty()))
                    .blockOptional(WAIT)
                    .ifPresent(output()::document);
            return ExitCodes.OK;
        }
    }
}
