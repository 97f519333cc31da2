package mallbots.platform.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.MessageCodec;
import mallbots.platform.messaging.MessageType;
import mallbots.platform.messaging.MessageTypes;
import mallbots.platform.outbox.RecordingPublisher;
import mallbots.platform.saga.SagaResult.Status;
import mallbots.platform.table.ContextTable;
import mallbots.platform.testing.InMemoryDynamo;
import mallbots.platform.testing.LocalAws;
import mallbots.platform.testing.Race;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A parallel step on a toy trip saga, in dynalite: 1 none (undo: Notify); 2 together BookHotel
 * (remember it; undo CancelHotel), BookFlight (remember it; undo CancelFlight), CheckVisa (no
 * undo); 3 Charge.
 */
class ParallelStepTest {

    record Trip(String traveller, String hotel, String flight) {
        Trip withHotel(String id) {
            return new Trip(traveller, id, flight);
        }

        Trip withFlight(String id) {
            return new Trip(traveller, hotel, id);
        }
    }

    record Notify(String traveller) {
    }

    record BookHotel(String traveller) {
    }

    record BookFlight(String traveller) {
    }

    record CheckVisa(String traveller) {
    }

    record CancelHotel(String hotel) {
    }

    record CancelFlight(String flight) {
    }

    record Charge(String hotel, String flight) {
    }

    record Booked(String id) {
    }

    record Answer() {
    }

    private static final String SOURCE = "mallbots.trips";
    private static final MessageType<Notify> NOTIFY = MessageType.of(SOURCE, "Notify", Notify.class);
    private static final MessageType<BookHotel> BOOK_HOTEL = MessageType.of(SOURCE, "BookHotel", BookHotel.class);
    private static final MessageType<BookFlight> BOOK_FLIGHT = MessageType.of(SOURCE, "BookFlight", BookFlight.class);
    private static final MessageType<CheckVisa> CHECK_VISA = MessageType.of(SOURCE, "CheckVisa", CheckVisa.class);
    private static final MessageType<CancelHotel> CANCEL_HOTEL =
            MessageType.of(SOURCE, "CancelHotel", CancelHotel.class);
    private static final MessageType<CancelFlight> CANCEL_FLIGHT =
            MessageType.of(SOURCE, "CancelFlight", CancelFlight.class);
    private static final MessageType<Charge> CHARGE = MessageType.of(SOURCE, "Charge", Charge.class);
    private static final MessageType<Booked> HOTEL_BOOKED =
            MessageType.of("mallbots.hotels", "BookHotelReply", Booked.class);
    private static final MessageType<Booked> FLIGHT_BOOKED =
            MessageType.of("mallbots.flights", "BookFlightReply", Booked.class);
    private static final MessageType<Answer> ANSWER = MessageType.of("mallbots.visas", "AnswerReply", Answer.class);
    private static final MessageCodec CODEC = new MessageCodec(MessageTypes.of(NOTIFY, BOOK_HOTEL, BOOK_FLIGHT,
            CHECK_VISA, CANCEL_HOTEL, CANCEL_FLIGHT, CHARGE));

    private static final SagaDefinition<Trip> TRIP = SagaDefinition.of("ParallelTrip", SOURCE, Trip.class,
            SagaStep.<Trip>withoutAction().compensatedBy(NOTIFY, trip -> new Notify(trip.traveller())),
            SagaStep.parallel(
                    SagaStep.<Trip, BookHotel>action(BOOK_HOTEL, trip -> new BookHotel(trip.traveller()))
                            .onSuccess(HOTEL_BOOKED, (trip, reply) -> trip.withHotel(reply.id()))
                            .compensatedBy(CANCEL_HOTEL, trip -> new CancelHotel(trip.hotel())),
                    SagaStep.<Trip, BookFlight>action(BOOK_FLIGHT, trip -> new BookFlight(trip.traveller()))
                            .onSuccess(FLIGHT_BOOKED, (trip, reply) -> trip.withFlight(reply.id()))
                            .compensatedBy(CANCEL_FLIGHT, trip -> new CancelFlight(trip.flight())),
                    SagaStep.action(CHECK_VISA, trip -> new CheckVisa(trip.traveller()))),
            SagaStep.action(CHARGE, trip -> new Charge(trip.hotel(), trip.flight())));

    private static final DynamoDbClient DYNAMO = new InMemoryDynamo();
    private static final String TABLE = LocalAws.uniqueName("parallel-sagas");

    private final RecordingPublisher bus = RecordingPublisher.accepting();
    private final SagaOrchestrator<Trip> sagas = SagaOrchestrator.create(TRIP, DYNAMO, TABLE, bus);

    @BeforeAll
    static void createTable() {
        ContextTable.create(DYNAMO, TABLE, ContextTable.Keys.PARTITION);
    }

    @Test
    void theActionsOfAParallelStepGoOutTogetherInOneWrite() {
        String id = UUID.randomUUID().toString();
        Message<Notify> cause = NOTIFY.create(new Notify("ada"));

        SagaResult started = sagas.start(id, new Trip("ada", null, null), cause);

        assertThat(started.status()).isEqualTo(Status.STARTED);
        assertThat(started.state().step()).isEqualTo(2);
        assertThat(published()).<Object>extracting(Message::data).containsExactly(new BookHotel("ada"),
                new BookFlight("ada"), new CheckVisa("ada"));
        assertThat(published()).extracting(Message::messageId).containsExactly(
                SagaOrchestrator.commandId(id, 2, "action 1"), SagaOrchestrator.commandId(id, 2, "action 2"),
                SagaOrchestrator.commandId(id, 2, "action 3"))
                .isEqualTo(started.state().awaiting());
        assertThat(published()).allSatisfy(command -> {
            assertThat(command.metadata().causationId()).isEqualTo(cause.messageId());
            assertThat(command.metadata().sagaId()).isEqualTo(id);
        });
        assertThat(bus.calls()).isEqualTo(1);
        assertThat(TRIP.layout()).isEqualTo(
                "-/Notify | BookHotel/CancelHotel + BookFlight/CancelFlight + CheckVisa | Charge");
        assertThat(started.state().layout()).isEqualTo(TRIP.layout());
    }

    /** Every order of the three replies, with every combination of success and failure: 6 x 8 cases. */
    static Stream<Arguments> arrivalOrdersAndOutcomes() {
        List<List<Integer>> orders = List.of(List.of(0, 1, 2), List.of(0, 2, 1), List.of(1, 0, 2),
                List.of(1, 2, 0), List.of(2, 0, 1), List.of(2, 1, 0));
        return orders.stream().flatMap(order -> IntStream.range(0, 8).mapToObj(mask -> Arguments.of(order,
                List.of((mask & 1) == 0, (mask & 2) == 0, (mask & 4) == 0))));
    }

    @ParameterizedTest(name = "replies in order {0}, successes {1}")
    @MethodSource("arrivalOrdersAndOutcomes")
    void inEveryArrivalOrderTheStepWaitsForAllRepliesThenGoesOnOrCompensatesExactlyOnce(List<Integer> order,
            List<Boolean> succeeds) {
        String id = UUID.randomUUID().toString();
        sagas.start(id, new Trip("bea", null, null), NOTIFY.create(new Notify("bea")));
        List<Message<?>> commands = published();
        List<Message<?>> replies = List.of(
                succeeds.get(0) ? SagaReplies.success(commands.get(0), HOTEL_BOOKED, new Booked("h-1"))
                        : SagaReplies.failure(commands.get(0), HOTEL_BOOKED, new Booked("none"), "hotel full"),
                succeeds.get(1) ? SagaReplies.success(commands.get(1), FLIGHT_BOOKED, new Booked("f-2"))
                        : SagaReplies.failure(commands.get(1), FLIGHT_BOOKED, new Booked("none"), "flight full"),
                succeeds.get(2) ? SagaReplies.success(commands.get(2), ANSWER, new Answer())
                        : SagaReplies.failure(commands.get(2), ANSWER, new Answer(), "no visa"));

        for (int i = 0; i < 2; i++) {
            Message<?> reply = replies.get(order.get(i));
            SagaResult recorded = sagas.onReply(reply);
            assertThat(recorded.status()).isEqualTo(Status.RECORDED);
            assertThat(recorded.state().done()).isFalse();
            assertThat(recorded.state().awaiting()).hasSize(2 - i).doesNotContain(reply.metadata().causationId());
            // a copy of a recorded reply, and the same action answered again by another message
            assertThat(sagas.onReply(reply).status()).isEqualTo(Status.DUPLICATE);
            assertThat(sagas.onReply(reply.withMetadata(m -> m.withMessageId(UUID.randomUUID().toString())))
                    .status()).isEqualTo(Status.IGNORED);
            assertThat(sagas.find(id)).contains(recorded.state());
            assertThat(bus.published()).hasSize(3);
        }
        Message<?> last = replies.get(order.get(2));
        SagaResult finished = sagas.onReply(last);

        List<Message<?>> sent = published().subList(3, published().size());
        boolean allSucceeded = !succeeds.contains(false);
        if (allSucceeded) {
            assertThat(finished.status()).isEqualTo(Status.ADVANCED);
            assertThat(finished.state().step()).isEqualTo(3);
            // both onSuccess changes are in the data, whichever came first
            assertThat(sent).<Object>extracting(Message::data).containsExactly(new Charge("h-1", "f-2"));
        } else {
            assertThat(finished.status()).isEqualTo(Status.COMPENSATED);
            assertThat(finished.state().done()).isTrue();
            assertThat(finished.state().compensating()).isTrue();
            List<Object> expected = new ArrayList<>();
            if (succeeds.get(1)) {
                expected.add(new CancelFlight("f-2"));
            }
            if (succeeds.get(0)) {
                expected.add(new CancelHotel("h-1"));
            }
            expected.add(new Notify("bea"));
            assertThat(sent).<Object>extracting(Message::data).containsExactlyElementsOf(expected);
            List<String> reasons = new ArrayList<>();
            if (!succeeds.get(0)) {
                reasons.add("hotel full");
            }
            if (!succeeds.get(1)) {
                reasons.add("flight full");
            }
            if (!succeeds.get(2)) {
                reasons.add("no visa");
            }
            assertThat(finished.state().reason()).isEqualTo(String.join("; ", reasons));
        }
        assertThat(sent).allSatisfy(command -> assertThat(command.metadata().causationId())
                .isEqualTo(last.messageId()));

        // every reply again, copies and new messages: nothing more is sent, the saga does not change
        for (Message<?> reply : replies) {
            assertThat(sagas.onReply(reply).status()).isEqualTo(Status.DUPLICATE);
        }
        if (!allSucceeded) {
            for (Message<?> reply : replies) {
                assertThat(sagas.onReply(reply.withMetadata(m -> m.withMessageId(UUID.randomUUID().toString())))
                        .status()).isEqualTo(Status.IGNORED);
            }
        }
        assertThat(published()).hasSize(3 + sent.size());
        assertThat(sagas.find(id)).contains(finished.state());
    }

    @RepeatedTest(5)
    void repliesHandledAtTheSameTimeAreAllRecordedAndTheStepGoesOnOnce() throws Exception {
        String id = UUID.randomUUID().toString();
        sagas.start(id, new Trip("cy", null, null), NOTIFY.create(new Notify("cy")));
        List<Message<?>> commands = published();
        Message<?> hotel = SagaReplies.success(commands.get(0), HOTEL_BOOKED, new Booked("h-3"));
        Message<?> flight = SagaReplies.success(commands.get(1), FLIGHT_BOOKED, new Booked("f-4"));
        Message<?> visa = SagaReplies.success(commands.get(2), ANSWER, new Answer());

        // each reply twice (a copy, as at-least-once delivery may hand it to two consumers)
        List<SagaResult> results = race(List.of(hotel, flight, visa, hotel, flight, visa));

        assertThat(results).extracting(SagaResult::status).containsOnlyOnce(Status.ADVANCED)
                .filteredOn(status -> status == Status.RECORDED).hasSize(2);
        assertThat(results).extracting(SagaResult::status).filteredOn(status -> status == Status.DUPLICATE)
                .hasSize(3);
        assertThat(published().subList(3, published().size())).<Object>extracting(Message::data)
                .containsExactly(new Charge("h-3", "f-4"));
        assertThat(sagas.find(id).orElseThrow().step()).isEqualTo(3);
    }

    @RepeatedTest(5)
    void aFailureRacingTheOtherRepliesCompensatesOnceWithTheActionsThatSucceeded() throws Exception {
        String id = UUID.randomUUID().toString();
        sagas.start(id, new Trip("di", null, null), NOTIFY.create(new Notify("di")));
        List<Message<?>> commands = published();
        Message<?> refused = SagaReplies.failure(commands.get(2), ANSWER, new Answer(), "no visa");
        Message<?> hotel = SagaReplies.success(commands.get(0), HOTEL_BOOKED, new Booked("h-5"));
        Message<?> flight = SagaReplies.success(commands.get(1), FLIGHT_BOOKED, new Booked("f-6"));

        List<SagaResult> results = race(List.of(refused, hotel, flight));

        assertThat(results).extracting(SagaResult::status).containsOnlyOnce(Status.COMPENSATED)
                .filteredOn(status -> status == Status.RECORDED).hasSize(2);
        assertThat(published().subList(3, published().size())).<Object>extracting(Message::data)
                .containsExactly(new CancelFlight("f-6"), new CancelHotel("h-5"), new Notify("di"));
        SagaState saga = sagas.find(id).orElseThrow();
        assertThat(saga.compensating()).isTrue();
        assertThat(saga.succeeded()).containsExactly(1, 2);
        assertThat(saga.failed()).isEqualTo(Map.of(3, "no visa"));
    }

    @Test
    void aRunningSagaStartedUnderOtherStepsIsRefusedAndUnchangedADoneOneIgnoresTheReply() {
        SagaDefinition<Trip> sequential = SagaDefinition.of("ParallelTrip", SOURCE, Trip.class,
                SagaStep.<Trip>withoutAction().compensatedBy(NOTIFY, trip -> new Notify(trip.traveller())),
                SagaStep.action(BOOK_HOTEL, trip -> new BookHotel(trip.traveller())),
                SagaStep.action(CHARGE, trip -> new Charge(trip.hotel(), trip.flight())));
        SagaOrchestrator<Trip> before = SagaOrchestrator.create(sequential, DYNAMO, TABLE, bus);
        String running = UUID.randomUUID().toString();
        before.start(running, new Trip("ed", null, null), NOTIFY.create(new Notify("ed")));
        Message<?> book = published().getLast();
        SagaState stored = sagas.find(running).orElseThrow();

        assertThatThrownBy(() -> sagas.onReply(SagaReplies.success(book, HOTEL_BOOKED, new Booked("h"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("runs under the steps [-/Notify | BookHotel | Charge]")
                .hasMessageContaining("not [" + TRIP.layout() + "]");
        assertThat(sagas.find(running)).contains(stored);
        assertThat(bus.published()).hasSize(1);

        String done = UUID.randomUUID().toString();
        before.start(done, new Trip("fay", null, null), NOTIFY.create(new Notify("fay")));
        Message<?> bookAgain = published().getLast();
        before.onReply(SagaReplies.failure(bookAgain, HOTEL_BOOKED, new Booked("none"), "full"));
        assertThat(sagas.onReply(SagaReplies.success(bookAgain, HOTEL_BOOKED, new Booked("h"))
                .withMetadata(m -> m.withMessageId(UUID.randomUUID().toString()))).status())
                .isEqualTo(Status.IGNORED);
    }

    @Test
    void aParallelStepIsMadeOfOneActionStepsAndItsMembersCarryTheirOwnCompensation() {
        SagaStep<Trip> hotel = SagaStep.action(BOOK_HOTEL, trip -> new BookHotel(trip.traveller()));
        SagaStep<Trip> flight = SagaStep.action(BOOK_FLIGHT, trip -> new BookFlight(trip.traveller()));

        assertThatThrownBy(() -> SagaStep.parallel(hotel)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least two");
        assertThatThrownBy(() -> SagaStep.parallel(hotel, SagaStep.withoutAction()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one action");
        assertThatThrownBy(() -> SagaStep.parallel(hotel, flight).compensatedBy(NOTIFY, t -> new Notify("x")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("member of a parallel step");
        assertThat(SagaStep.parallel(hotel, flight).size()).isEqualTo(2);
    }

    private List<SagaResult> race(List<Message<?>> replies) throws Exception {
        return Race.run(replies, reply -> sagas.onReply(reply));
    }

    private List<Message<?>> published() {
        return bus.published().stream()
                .<Message<?>>map(e -> CODEC.decodeDetail(e.source(), e.detailType(), e.detail())).toList();
    }
}
