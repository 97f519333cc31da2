package mallbots.platform.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.MessageCodec;
import mallbots.platform.messaging.MessageType;
import mallbots.platform.messaging.MessageTypes;
import mallbots.platform.messaging.OutboundEvent;
import mallbots.platform.outbox.RecordingPublisher;
import mallbots.platform.saga.SagaResult.Status;
import mallbots.platform.table.ContextTable;
import mallbots.platform.testing.InMemoryDynamo;
import mallbots.platform.testing.LocalAws;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The saga engine on a toy trip-booking saga, in dynalite. */
class SagaOrchestratorTest {

    record Trip(String traveller, String hotelBooking) {
        Trip withBooking(String id) {
            return new Trip(traveller, id);
        }
    }

    record Notify(String traveller) {
    }

    record BookHotel(String traveller) {
    }

    record CancelHotel(String booking) {
    }

    record Charge(String traveller, String booking) {
    }

    record Booked(String booking) {
    }

    record Done() {
    }

    private static final String SOURCE = "mallbots.trips";
    private static final MessageType<Notify> NOTIFY = MessageType.of(SOURCE, "Notify", Notify.class);
    private static final MessageType<BookHotel> BOOK = MessageType.of(SOURCE, "BookHotel", BookHotel.class);
    private static final MessageType<CancelHotel> CANCEL = MessageType.of(SOURCE, "CancelHotel", CancelHotel.class);
    private static final MessageType<Charge> CHARGE = MessageType.of(SOURCE, "Charge", Charge.class);
    private static final MessageType<Booked> BOOKED = MessageType.of("mallbots.hotels", "BookHotelReply", Booked.class);
    private static final MessageType<Done> DONE = MessageType.of("mallbots.hotels", "DoneReply", Done.class);
    private static final MessageCodec CODEC = new MessageCodec(MessageTypes.of(NOTIFY, BOOK, CANCEL, CHARGE));

    /** 1 none (undo: Notify), 2 BookHotel (remember the booking; undo: CancelHotel), 3 none, 4 Charge. */
    private static final SagaDefinition<Trip> TRIP = SagaDefinition.of("TripSaga", SOURCE, Trip.class,
            SagaStep.<Trip>withoutAction().compensatedBy(NOTIFY, trip -> new Notify(trip.traveller())),
            SagaStep.<Trip, BookHotel>action(BOOK, trip -> new BookHotel(trip.traveller()))
                    .onSuccess(BOOKED, (trip, reply) -> trip.withBooking(reply.booking()))
                    .compensatedBy(CANCEL, trip -> new CancelHotel(trip.hotelBooking())),
            SagaStep.withoutAction(),
            SagaStep.action(CHARGE, trip -> new Charge(trip.traveller(), trip.hotelBooking())));

    private static final DynamoDbClient DYNAMO = new InMemoryDynamo();
    private static final String TABLE = LocalAws.uniqueName("sagas");

    private final RecordingPublisher bus = RecordingPublisher.accepting();
    private final SagaOrchestrator<Trip> sagas = SagaOrchestrator.create(TRIP, DYNAMO, TABLE, bus);

    @BeforeAll
    static void createTable() {
        ContextTable.create(DYNAMO, TABLE, ContextTable.Keys.PARTITION);
    }

    @Test
    void stepsWithoutActionAreSkippedAndTheDataCarriesWhatARepliesAdded() {
        String id = UUID.randomUUID().toString();
        Message<Notify> cause = NOTIFY.create(new Notify("ada"));

        SagaResult started = sagas.start(id, new Trip("ada", null), cause);

        assertThat(started.status()).isEqualTo(Status.STARTED);
        assertThat(started.state().step()).isEqualTo(2);
        Message<?> book = last();
        assertThat(book.data()).isEqualTo(new BookHotel("ada"));
        assertThat(List.of(book.messageId())).containsExactly(SagaOrchestrator.commandId(id, 2, "action"))
                .isEqualTo(started.state().awaiting());
        assertThat(book.metadata().causationId()).isEqualTo(cause.messageId());
        assertThat(book.metadata().sagaId()).isEqualTo(id);
        assertThat(book.metadata().sagaName()).isEqualTo("TripSaga");
        assertThat(book.metadata().replyTo()).isEqualTo(SOURCE);

        SagaResult advanced = sagas.onReply(SagaReplies.success(book, BOOKED, new Booked("h-7")));

        assertThat(advanced.status()).isEqualTo(Status.ADVANCED);
        assertThat(advanced.state().step()).isEqualTo(4);
        assertThat(last().data()).isEqualTo(new Charge("ada", "h-7"));
        assertThat(advanced.state().data(Trip.class)).isEqualTo(new Trip("ada", "h-7"));

        SagaResult completed = sagas.onReply(SagaReplies.success(last(), DONE, new Done()));

        assertThat(completed.status()).isEqualTo(Status.COMPLETED);
        assertThat(completed.state().completed()).isTrue();
        assertThat(sagas.find(id)).contains(completed.state());
        assertThat(bus.published()).extracting(OutboundEvent::detailType).containsExactly("BookHotel", "Charge");
    }

    @Test
    void aFailureSendsTheEarlierStepsCompensationsNearestFirstSkippingThoseWithout() {
        String id = UUID.randomUUID().toString();
        sagas.start(id, new Trip("bob", null), NOTIFY.create(new Notify("bob")));
        sagas.onReply(SagaReplies.success(last(), BOOKED, new Booked("h-9")));
        Message<?> charge = last();

        SagaResult failed = sagas.onReply(SagaReplies.failure(charge, DONE, new Done(), "card declined"));

        assertThat(failed.status()).isEqualTo(Status.COMPENSATED);
        assertThat(failed.state().done()).isTrue();
        assertThat(failed.state().compensating()).isTrue();
        assertThat(failed.state().reason()).isEqualTo("card declined");
        List<Message<?>> compensations = published().subList(2, published().size());
        assertThat(compensations).<Object>extracting(Message::data)
                .containsExactly(new CancelHotel("h-9"), new Notify("bob"));
        assertThat(compensations).extracting(Message::messageId).containsExactly(
                SagaOrchestrator.commandId(id, 2, "compensation"), SagaOrchestrator.commandId(id, 1, "compensation"));
        assertThat(compensations).allSatisfy(c -> assertThat(c.metadata().causationId()).isEqualTo(
                SagaReplies.replyId(charge)));
        // the failed step itself and steps after it are not compensated; a done saga ignores the rest
        assertThat(sagas.onReply(SagaReplies.success(charge, DONE, new Done())
                .withMetadata(m -> m.withMessageId(UUID.randomUUID().toString()))).status())
                .isEqualTo(Status.IGNORED);
    }

    @Test
    void aSagaWithoutActionsIsDoneAtItsStart() {
        SagaOrchestrator<Trip> quiet = SagaOrchestrator.create(SagaDefinition.of("QuietSaga", SOURCE, Trip.class,
                SagaStep.withoutAction()), DYNAMO, TABLE, bus);

        SagaResult started = quiet.start(UUID.randomUUID().toString(), new Trip("cy", null),
                NOTIFY.create(new Notify("cy")));

        assertThat(started.state().completed()).isTrue();
        assertThat(started.state().awaiting()).isEmpty();
        assertThat(bus.published()).isEmpty();
    }

    @Test
    void aSagaIdStartsOnce() {
        String id = UUID.randomUUID().toString();
        sagas.start(id, new Trip("di", null), NOTIFY.create(new Notify("di")));

        SagaResult again = sagas.start(id, new Trip("someone else", null), NOTIFY.create(new Notify("x")));

        assertThat(again.status()).isEqualTo(Status.ALREADY_STARTED);
        assertThat(again.state().data(Trip.class).traveller()).isEqualTo("di");
        assertThat(bus.published()).hasSize(1);
    }

    @Test
    void aMessageThatIsNoReplyToAnExistingSagaOfThisNameIsRefused() {
        String id = UUID.randomUUID().toString();
        sagas.start(id, new Trip("ed", null), NOTIFY.create(new Notify("ed")));
        Message<?> book = last();

        assertThatThrownBy(() -> sagas.onReply(NOTIFY.create(new Notify("ed"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lacks sagaId or outcome");
        assertThatThrownBy(() -> sagas.onReply(SagaReplies.success(book, BOOKED, new Booked("h"))
                .withMetadata(m -> m.withSaga(id, "OtherSaga", SOURCE))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not to TripSaga");
        String unknown = UUID.randomUUID().toString();
        assertThatThrownBy(() -> sagas.onReply(SagaReplies.success(book, BOOKED, new Booked("h"))
                .withMetadata(m -> m.withSaga(unknown, "TripSaga", SOURCE))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not exist");
        // a success of another type than the step's onSuccess expects is a participant's bug, not data
        assertThatThrownBy(() -> sagas.onReply(SagaReplies.success(book, DONE, new Done())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BookHotelReply");
        assertThat(sagas.find(id).orElseThrow().step()).isEqualTo(2);
    }

    private List<Message<?>> published() {
        return bus.published().stream()
                .<Message<?>>map(e -> CODEC.decodeDetail(e.source(), e.detailType(), e.detail())).toList();
    }

    private Message<?> last() {
        return published().getLast();
    }
}
