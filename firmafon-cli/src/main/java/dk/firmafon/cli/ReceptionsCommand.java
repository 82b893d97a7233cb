package dk.firmafon.cli;

import dk.firmafon.employees.ReceptionStatisticsQuery;
import dk.firmafon.employees.ReceptionsClient;
import dk.firmafon.employees.model.Reception;
import dk.firmafon.employees.model.ReceptionPhase;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code firmafon receptions ...}. */
@Command(
        name = "receptions",
        description = "Receptions: the company's incoming numbers.",
        subcommands = {
            ReceptionsCommand.ListReceptions.class,
            ReceptionsCommand.Get.class,
            ReceptionsCommand.Statistics.class
        })
final class ReceptionsCommand {
    static final Table<Reception> TABLE = Table.<Reception>builder()
            .column("ID", 8, Reception::id)
            .column("NAME", 28, Reception::name)
            .column("NUMBER", 14, Reception::phoneNumber)
            .column("ENDPOINT", 16, Reception::endpoint)
            .build();

    private static ReceptionsClient receptions(CliContext context) {
        return context.connection().firmafon().receptions();
    }

    @Command(name = "list", description = "Every reception.")
    static final class ListReceptions extends CliCommand {
        @Mixin
        ListOptions listing = new ListOptions();

        ListReceptions(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            output().list(receptions(context).list(), TABLE, listing.max());
            return ExitCodes.OK;
        }
    }

    @Command(name = "get", description = "A reception by id.")
    static final class Get extends ByIdCommand {
        Get(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            output().record(await(receptions(context).get(id)));
            return ExitCodes.OK;
        }
    }

    @Command(name = "statistics", description = "A reception's call figures over a period (needs Switch Premium).")
    static final class Statistics extends ByIdCommand {
        @Option(names = "--answer-target", paramLabel = "SECONDS", description = "The answer target in seconds.")
        Optional<Long> answerTarget = Optional.empty();

        @Option(names = "--from", paramLabel = "TIME", description = "Start of the period, e.g. 2026-11-01T00:00:00Z.")
        Optional<OffsetDateTime> from = Optional.empty();

        @Option(names = "--to", paramLabel = "TIME", description = "End of the period.")
        Optional<OffsetDateTime> to = Optional.empty();

        @Option(
                names = "--phase",
                paramLabel = "PHASE",
                split = ",",
                description = "Only these phases: open, closed, backup.")
        java.util.List<String> phases = new java.util.ArrayList<>();

        Statistics(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            ReceptionStatisticsQuery query = ReceptionStatisticsQuery.builder()
                    .answerTarget(answerTarget.map(Duration::ofSeconds))
                    .fromTime(from.map(OffsetDateTime::toInstant))
                    .toTime(to.map(OffsetDateTime::toInstant))
                    .phases(phases.stream().map(ReceptionPhase::of).toList())
                    .build();
            output().record(await(receptions(context).statistics(id, query)));
            return ExitCodes.OK;
        }
    }
}
