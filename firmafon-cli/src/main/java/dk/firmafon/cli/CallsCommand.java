package dk.firmafon.cli;

import dk.firmafon.calls.CallQuery;
import dk.firmafon.calls.CallsClient;
import dk.firmafon.calls.DialRequest;
import dk.firmafon.calls.model.Call;
import dk.firmafon.calls.model.CallDirection;
import dk.firmafon.calls.model.CallNode;
import dk.firmafon.calls.model.CallStatus;
import dk.firmafon.calls.model.DialRestriction;
import dk.firmafon.calls.model.TransferType;
import dk.firmafon.core.model.Endpoint;
import dk.firmafon.core.model.PhoneNumber;
import java.time.OffsetDateTime;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code firmafon calls ...}. */
@Command(
        name = "calls",
        description = "Calls: history, live calls, transfer, hang up, click-to-call.",
        subcommands = {
            CallsCommand.ListCalls.class,
            CallsCommand.Get.class,
            CallsCommand.Live.class,
            CallsCommand.Transfer.class,
            CallsCommand.CancelTransfer.class,
            CallsCommand.Hangup.class,
            CallsCommand.Dial.class
        })
final class CallsCommand {
    static final Table<Call> TABLE = Table.<Call>builder()
            .column("STARTED", 19, Call::startedAt)
            .column("DIRECTION", 9, Call::direction)
            .column("STATUS", 9, Call::status)
            .column("FROM", 14, Call::fromNumber)
            .column("TO", 14, Call::toNumber)
            .column("ENDPOINT", 22, call -> call.endpointName()
                    .or(() -> call.endpoint().map(Endpoint::toString)))
            .column("CALL UUID", 36, Call::callUuid)
            .build();

    static final Table<CallNode> NODE_TABLE = Table.<CallNode>builder()
            .column("NODE UUID", 36, CallNode::nodeUuid)
            .column("CALL UUID", 36, CallNode::callUuid)
            .column("ENDPOINT", 18, CallNode::endpoint)
            .column("STATE", 9, CallNode::state)
            .column("TYPE", 17, CallNode::nodeType)
            .column("STARTED", 19, CallNode::startedAt)
            .build();

    private static CallsClient calls(CliContext context) {
        return context.connection().firmafon().calls();
    }

    @Command(name = "list", description = "Calls, newest first; rows print as pages arrive.")
    static final class ListCalls extends CliCommand {
        @Mixin
        ListOptions listing = new ListOptions();

        @Option(
                names = "--endpoint",
                paramLabel = "ENDPOINT",
                description = "Only through this endpoint, e.g. Reception#7.")
        Optional<String> endpoint = Optional.empty();

        @Option(names = "--number", paramLabel = "NUMBER", description = "Only to or from this number.")
        Optional<String> number = Optional.empty();

        @Option(names = "--direction", paramLabel = "incoming|outgoing")
        Optional<String> direction = Optional.empty();

        @Option(names = "--status", paramLabel = "STATUS", description = "e.g. answered, missed, voicemail.")
        Optional<String> status = Optional.empty();

        @Option(
                names = "--before",
                paramLabel = "TIME",
                description = "Only started at or before this time: " + TimeConverter.FORMS + ".")
        Optional<OffsetDateTime> before = Optional.empty();

        @Option(
                names = "--after",
                paramLabel = "TIME",
                description = "Only started at or after this time: " + TimeConverter.FORMS + ".")
        Optional<OffsetDateTime> after = Optional.empty();

        @Option(
                names = "--page-size",
                paramLabel = "N",
                defaultValue = "100",
                description = "Calls per request, 1 to 100 (default ${DEFAULT-VALUE}).")
        int pageSize;

        @Option(
                names = "--parallel",
                paramLabel = "N",
                description = "Export between --after and --before (both required) with N listings at a time,"
                        + " still newest first, each call once (1 to 16).")
        Optional<Integer> parallel = Optional.empty();

        ListCalls(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            CallQuery query = CallQuery.builder()
                    .limit(pageSize)
                    .endpoint(endpoint.map(Endpoint::parse))
                    .number(number.map(text -> PhoneNumber.of("--number", text)))
                    .direction(direction.map(CallDirection::of))
                    .status(status.map(CallStatus::of))
                    .startedAtOrBefore(before.map(OffsetDateTime::toInstant))
                    .startedAtOrAfter(after.map(OffsetDateTime::toInstant))
                    .build();
            output().list(
                            parallel.isPresent()
                                    ? calls(context).export(query, parallel.get())
                                    : calls(context).list(query),
                            TABLE,
                            listing.max());
            return ExitCodes.OK;
        }
    }

    @Command(name = "get", description = "A call by its uuid.")
    static final class Get extends CliCommand {
        @Parameters(paramLabel = "CALL_UUID")
        String callUuid = "";

        Get(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            output().record(await(calls(context).get(callUuid)));
            return ExitCodes.OK;
        }
    }

    @Command(name = "live", description = "Your live call nodes (the legs of calls going on now).")
    static final class Live extends CliCommand {
        @Mixin
        ListOptions listing = new ListOptions();

        Live(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            output().list(calls(context).live(), NODE_TABLE, listing.max());
            return ExitCodes.OK;
        }
    }

    /** A command about one live call node. */
    abstract static class NodeCommand extends CliCommand {
        @Parameters(index = "0", paramLabel = "NODE_UUID")
        String nodeUuid = "";

        NodeCommand(CliContext context) {
            super(context);
        }
    }

    @Command(
            name = "transfer",
            description = "Transfer a live call node to an endpoint, e.g. Reception#7 or Employee#12.")
    static final class Transfer extends NodeCommand {
        @Parameters(index = "1", paramLabel = "ENDPOINT")
        String endpoint = "";

        @Option(
                names = "--type",
                paramLabel = "attended|direct",
                defaultValue = "direct",
                description = "Attended (announce first) or direct (default ${DEFAULT-VALUE}).")
        String type = "direct";

        Transfer(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            Endpoint target = Endpoint.parse(endpoint);
            calls(context).transfer(nodeUuid, target, TransferType.of(type)).block(WAIT);
            output().done("transferred " + nodeUuid + " to " + target + " (" + type + ")");
            return ExitCodes.OK;
        }
    }

    @Command(name = "cancel-transfer", description = "Cancel a transfer (also how you take a call back).")
    static final class CancelTransfer extends NodeCommand {
        CancelTransfer(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            calls(context).cancelTransfer(nodeUuid).block(WAIT);
            output().done("cancelled the transfer of " + nodeUuid);
            return ExitCodes.OK;
        }
    }

    @Command(name = "hangup", description = "Hang up a live call node.")
    static final class Hangup extends NodeCommand {
        Hangup(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            calls(context).hangup(nodeUuid).block(WAIT);
            output().done("hung up " + nodeUuid);
            return ExitCodes.OK;
        }
    }

    @Command(name = "dial", description = "Click-to-call: Firmafon rings you first, then the number.")
    static final class Dial extends CliCommand {
        @Parameters(paramLabel = "NUMBER")
        String number = "";

        @Option(names = "--restrict-to", paramLabel = "web_call|mobile", description = "Which of your phones rings.")
        Optional<String> restrictTo = Optional.empty();

        @Option(
                names = "--cloak-reception",
                paramLabel = "ID",
                description = "Show this reception's number to the callee.")
        Optional<Long> cloakReception = Optional.empty();

        Dial(CliContext context) {
            super(context);
        }

        @Override
        protected int run() {
            DialRequest request = DialRequest.builder()
                    .toNumber(PhoneNumber.of("NUMBER", number))
                    .restrictTo(restrictTo.map(DialRestriction::of))
                    .cloakReceptionId(cloakReception)
                    .build();
            await(calls(context).dial(request));
            output().done("dialling " + request.toNumber());
            return ExitCodes.OK;
        }
    }
}
