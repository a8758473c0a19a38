package fr.rdvnumerique.appointment;

import java.util.List;

/** What became of a booking request. */
public sealed interface BookingResult {

    /**
     * Booked. {@code managementToken} is the private link's secret: give it to the person once (confirmation
     * screen, kiosk ticket); only its hash is stored.
     */
    record Booked(long appointmentId, String managementToken, AppointmentCard appointment) implements BookingResult {
    }

    /**
     * Someone else took the slot a moment earlier (or it is no longer offered); {@code freeSlots} are the free
     * slots of the same day, fresh, to choose again.
     */
    record SlotTaken(String messageKey, List<FreeSlot> freeSlots) implements BookingResult {
    }

    /** Refused for a reason the person can act on: an i18n key and its arguments (field value, cap, limit...). */
    record Refused(String messageKey, List<Object> arguments) implements BookingResult {

        public Refused {
            arguments = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(arguments));
        }

        public Refused(String messageKey, Object... arguments) {
            this(messageKey, java.util.Arrays.asList(arguments));
        }

        /** The arguments, for {@code getTranslation(messageKey, args)}. */
        public Object[] args() {
            return arguments.toArray();
        }
    }
}
