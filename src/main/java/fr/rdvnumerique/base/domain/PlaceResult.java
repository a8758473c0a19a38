package fr.rdvnumerique.base.domain;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What became of a resident's request for a place — a seat at an atelier, an appointment slot — whatever the
 * channel (web, kiosk, staff). Both modules answer with this family and every screen switches over it: a value
 * to correct, a refusal or a busy service are answers, not exceptions.
 *
 * @param <D> what the person now holds, for the confirmation (atelier: the seats; appointment: the appointment)
 * @param <A> what is offered instead when the place was just taken (appointment: the day's free slots; atelier:
 *            nothing, {@link Void})
 */
public sealed interface PlaceResult<D, A> {

    /**
     * The place is theirs. {@code managementToken} is the private link's secret, to give once (confirmation
     * screen, kiosk ticket); only its hash is stored.
     */
    record Confirmed<D, A>(long id, String managementToken, D details) implements PlaceResult<D, A> {
    }

    /** No place free: on the waiting list at {@code position} (1 = next in line), with their own private link. */
    record Waitlisted<D, A>(long id, int position, String managementToken, D details) implements PlaceResult<D, A> {
    }

    /**
     * This e-mail or phone already holds a place here: nothing new was made. No link is given (anyone can type
     * someone's e-mail): the person uses the one they received.
     *
     * @param waitingPosition the position when they are on the waiting list, null when their place is confirmed
     */
    record AlreadyHeld<D, A>(long id, Integer waitingPosition) implements PlaceResult<D, A> {

        public boolean waiting() {
            return waitingPosition != null;
        }
    }

    /**
     * The place shown to the person went a moment earlier (someone else took the slot, the last seat went and they
     * did not ask for the waiting list): they choose again, among {@code alternatives} when there are some.
     */
    record SlotTaken<D, A>(String messageKey, List<A> alternatives) implements PlaceResult<D, A> {

        public SlotTaken {
            alternatives = List.copyOf(alternatives);
        }
    }

    /** Not possible, for a reason the person can act on (closed, too many places held, too late…). */
    record Refused<D, A>(String messageKey, List<Object> arguments) implements PlaceResult<D, A> {

        public Refused {
            arguments = Collections.unmodifiableList(Arrays.asList(arguments.toArray()));
        }

        public Refused(String messageKey, Object... arguments) {
            this(messageKey, Arrays.asList(arguments));
        }

        /** The arguments, for {@code getTranslation(messageKey, args)}. */
        public Object[] args() {
            return arguments.toArray();
        }
    }

    /**
     * Nothing was decided: the service is very busy, or this address or kiosk sent too many requests. The same
     * request may succeed later; the form keeps what was typed.
     */
    record TryLater<D, A>(String messageKey) implements PlaceResult<D, A> {
    }

    /**
     * A value the person typed does not fit; nothing was saved.
     *
     * @param field the form field to correct ({@code Resident.EMAIL}, a module's own…), or null for the whole form
     */
    record Invalid<D, A>(String field, String messageKey, List<Object> arguments) implements PlaceResult<D, A> {

        public Invalid {
            arguments = Collections.unmodifiableList(Arrays.asList(arguments.toArray()));
        }

        public static <D, A> Invalid<D, A> of(InvalidValueException e) {
            return new Invalid<>(e.field(), e.messageKey(), Arrays.asList(e.arguments()));
        }

        public Object[] args() {
            return arguments.toArray();
        }
    }
}
