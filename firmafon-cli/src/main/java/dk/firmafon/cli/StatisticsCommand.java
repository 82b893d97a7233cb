package dk.firmafon.cli;

import dk.firmafon.calls.StatisticsQuery;
import dk.firmafon.calls.StatisticsQuery.EndpointType;
import dk.firmafon.calls.StatisticsQuery.Grouping;
import dk.firmafon.core.model.Endpoint;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code firmafon statistics}. */
@Command(
        name = "statistics",
        description = "Aggregated call and chat statistics (updated every 1-2 hours), as the service sends them.")
final class StatisticsCommand extends CliCommand {
    @Option(
            names = "--type",
            paramLabel = "TYPE",
            description = "Endpoint type: ${COMPLETION-CANDIDATES} (default RECEPTION).")
    EndpointType type = EndpointType.RECEPTION;

    @Option(names = "--start", paramLabel = "DATE", description = "First day of the period, e.g. 2026-11-01.")
    Optional<LocalDate> start = Optional.empty();

    @Option(names = "--end", paramLabel = "DATE", description = "Last day of the period, e.g. 2026-11-30.")
    Optional<LocalDate> end = Optional.empty();

    @Option(
            names = "--endpoint",
            paramLabel = "ENDPOINT",
            split = ",",
            description = "Only these endpoints, all of the type, e.g. Reception#7.")
    List<String> endpoints = new ArrayList<>();

    @Option(
            names = "--group-by",
            paramLabel = "GROUPING",
            description = "Aggregate by one key: ${COMPLETION-CANDIDATES}.")
    Optional<Grouping> groupBy = Optional.empty();

    StatisticsCommand(CliContext context) {
        super(context);
    }

    @Override
    protected int run() {
        StatisticsQuery query = new StatisticsQuery(
                type, start, end, endpoints.stream().map(Endpoint::parse).toList(), groupBy);
        context.connection()
                .firmafon()
                .statistics()
                .statistics(query)
                .blockOptional(WAIT)
                .ifPresent(statistics -> output().document(statistics.raw()));
        return ExitCodes.OK;
    }
}
