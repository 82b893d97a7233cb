package dk.firmafon.cli;

import dk.firmafon.calls.StatisticsQuery;
import dk.firmafon.calls.StatisticsQuery.EndpointType;
import dk.firmafon.calls.StatisticsQuery.Grouping;
import dk.firmafon.core.model.Endpoint;
import java.time.OffsetDateTime;
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

    @Option(names = "--start", paramLabel = "TIME", description = "Start of the period, e.g. 2026-11-01T00:00:00Z.")
    Optional<OffsetDateTime> start = Optional.empty();

    @Option(names = "--end", paramLabel = "TIME", description = "End of the period.")
    Optional<OffsetDateTime> end = Optional.empty();

    @Option(
            names = "--endpoint",
            paramLabel = "ENDPOINT",
            split = ",",
            description = "Only these endpoints, all of the type, e.g. Reception#7.")
    List<String> endpoints = new ArrayList<>();

    @Option(
            names = "--group-by",
            paramLabel = "GROUPING",
            split = ",",
            description = "Group by: ${COMPLETION-CANDIDATES}.")
    List<Grouping> groupBy = new ArrayList<>();

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
                .blockOptional()
                .ifPresent(output()::document);
        return ExitCodes.OK;
    }
}
