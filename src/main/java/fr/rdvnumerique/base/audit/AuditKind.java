package fr.rdvnumerique.base.audit;

import fr.rdvnumerique.base.i18n.Labelled;

/**
 * What a staff member did, for the audit trail. Each kind names the type of record its {@code recordId} points
 * to. A module that audits something new adds its kind here (with its {@code audit.kind.*} sentence in the base
 * bundles): the « Journal des actions » filters on this list.
 */
public enum AuditKind implements Labelled {
    // Ateliers
    WORKSHOP_CREATED(RecordType.WORKSHOP),
    WORKSHOP_CHANGED(RecordType.WORKSHOP),
    SESSION_CREATED(RecordType.SESSION),
    SESSION_CHANGED(RecordType.SESSION),
    SESSION_CANCELLED(RecordType.SESSION),
    CAPACITY_CHANGED(RecordType.SESSION),
    REGISTRATION_ON_BEHALF(RecordType.REGISTRATION),
    REGISTRATION_CANCELLED(RecordType.REGISTRATION),
    REGISTRATION_MOVED(RecordType.REGISTRATION),
    REGISTRATION_PROMOTED(RecordType.REGISTRATION),
    ATTENDANCE_RECORDED(RecordType.REGISTRATION),
    // Rendez-vous
    APPOINTMENT_ON_BEHALF(RecordType.APPOINTMENT),
    APPOINTMENT_CANCELLED(RecordType.APPOINTMENT),
    APPOINTMENT_MOVED(RecordType.APPOINTMENT),
    APPOINTMENT_ATTENDANCE(RecordType.APPOINTMENT),
    ACTIVITY_RECORD_CREATED(RecordType.ACTIVITY_RECORD),
    ACTIVITY_RECORD_CHANGED(RecordType.ACTIVITY_RECORD),
    ACTIVITY_RECORD_DELETED(RecordType.ACTIVITY_RECORD),
    OPENING_HOURS_CHANGED(RecordType.OPENING_HOURS),
    CLOSURE_CHANGED(RecordType.CLOSURE),
    ABSENCE_CHANGED(RecordType.ABSENCE),
    MOTIF_CREATED(RecordType.MOTIF),
    MOTIF_CHANGED(RecordType.MOTIF),
    // Territoire
    STRUCTURE_CHANGED(RecordType.STRUCTURE),
    LEGAL_PAGE_CHANGED(RecordType.STRUCTURE),
    COMMUNE_CHANGED(RecordType.COMMUNE),
    PLACE_CREATED(RecordType.PLACE),
    PLACE_CHANGED(RecordType.PLACE),
    ADVISOR_CHANGED(RecordType.ADVISOR),
    CONVENTION_CREATED(RecordType.CONVENTION),
    CONVENTION_CHANGED(RecordType.CONVENTION),
    KIOSK_ENROLLED(RecordType.KIOSK),
    KIOSK_REVOKED(RecordType.KIOSK),
    // Exports of personal data or activity
    EXPORT_CSV(RecordType.EXPORT),
    EXPORT_PDF(RecordType.EXPORT),
    // Residents' data requests (RGPD)
    PERSONAL_DATA_SEARCHED(RecordType.PERSON),
    PERSONAL_DATA_EXPORTED(RecordType.PERSON),
    PERSONAL_DATA_ERASED(RecordType.PERSON),
    // Staff accounts and sign-ins
    SIGN_IN(RecordType.STAFF_ACCOUNT),
    SIGN_IN_FAILED(RecordType.STAFF_ACCOUNT),
    PASSWORD_CHANGED(RecordType.STAFF_ACCOUNT),
    SECOND_FACTOR_ENABLED(RecordType.STAFF_ACCOUNT),
    SECOND_FACTOR_DISABLED(RecordType.STAFF_ACCOUNT),
    ACCOUNT_CREATED(RecordType.STAFF_ACCOUNT),
    ACCOUNT_CHANGED(RecordType.STAFF_ACCOUNT),
    ROLES_CHANGED(RecordType.STAFF_ACCOUNT),
    PASSWORD_LINK_SENT(RecordType.STAFF_ACCOUNT);

    private final RecordType recordType;

    AuditKind(RecordType recordType) {
        this.recordType = recordType;
    }

    public RecordType recordType() {
        return recordType;
    }

    @Override
    public String labelKey() {
        return "audit.kind." + name();
    }

    /** The type of record an entry's id points to. */
    public enum RecordType implements Labelled {
        WORKSHOP, SESSION, REGISTRATION, APPOINTMENT, ACTIVITY_RECORD, OPENING_HOURS, CLOSURE, ABSENCE, MOTIF,
        STRUCTURE, COMMUNE, PLACE, ADVISOR, CONVENTION, KIOSK, EXPORT, PERSON, STAFF_ACCOUNT;

        @Override
        public String labelKey() {
            return "audit.record." + name();
        }
    }
}
