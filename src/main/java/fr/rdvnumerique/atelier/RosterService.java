package fr.rdvnumerique.atelier;

import fr.rdvnumerique.base.audit.AuditChanges;
import fr.rdvnumerique.base.audit.AuditKind;
import fr.rdvnumerique.base.audit.AuditTrail;
import fr.rdvnumerique.base.db.ConflictRetry;
import fr.rdvnumerique.base.domain.CancelledBy;
import fr.rdvnumerique.base.domain.Origin;
import fr.rdvnumerique.base.domain.PlaceResult;
import fr.rdvnumerique.base.security.CurrentStaff;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Staff run a session: who is confirmed and who waits, registering someone who called or walked in,
 * cancelling or promoting by hand, attendance, and the lists to print or export.
 */
@Service
@PreAuthorize("hasRole('ADVISOR')")
public class RosterService {

    private final RegistrationService registrations;
    private final AtelierWrites writes;
    private final AtelierReads reads;
    private final SessionDocuments documents;
    private final CurrentStaff staff;
    private final ConflictRetry retry;
    private final AuditTrail audit;

    RosterService(RegistrationService registrations, AtelierWrites writes, AtelierReads reads,
                  SessionDocuments documents, CurrentStaff staff, ConflictRetry retry, AuditTrail audit) {
        this.audit = audit;
        this.registrations = registrations;
        this.writes = writes;
        this.reads = reads;
        this.documents = documents;
        this.staff = staff;
        this.retry = retry;
    }

    public SessionRoster roster(long sessionId) {
        staff.checkStructure(reads.structureOfSession(sessionId));
        return reads.roster(sessionId);
    }

    /**
     * Registers someone on their behalf (channel STAFF): allowed until the session ends, without the per-contact
     * cap and the rate limit; a full session still puts them on the waiting list.
     */
    public PlaceResult<Seats, Void> registerOnBehalf(RegistrationRequest request) {
        staff.checkStructure(reads.structureOfSession(request.sessionId()));
        return registrations.take(request.withOrigin(Origin.staff()));
    }

    /** Cancels one registration (the person called); the first people waiting get the freed seats. */
    public void cancel(long registrationId) {
        AtelierReads.Owner owner = ownerOf(registrationId);
        retry.runInTransaction(() -> {
            var before = reads.statusOf(registrationId);
            var registration = writes.cancel(owner.sessionId(), registrationId, CancelledBy.STAFF,
                    CancellationReason.STAFF_DECISION);
            audit.record(AuditKind.REGISTRATION_CANCELLED, registrationId, owner.structureId(),
                    AuditChanges.value("session", owner.sessionId()).and("status", before, registration.getStatus()));
        });
    }

    /** Gives a waiting person a free seat, out of turn; refused when no seat is free. */
    public void promote(long registrationId) {
        AtelierReads.Owner owner = ownerOf(registrationId);
        retry.runInTransaction(() -> {
            var registration = writes.promoteByHand(owner.sessionId(), registrationId);
            audit.record(AuditKind.REGISTRATION_PROMOTED, registrationId, owner.structureId(),
                    AuditChanges.value("session", owner.sessionId()).and("status", RegistrationStatus.WAITING,
                            registration.getStatus()));
        });
    }

    /** The person offered a freed seat accepts it on the phone, before the offer lapses. */
    public void confirmOffer(long registrationId) {
        AtelierReads.Owner owner = ownerOf(registrationId);
        retry.runInTransaction(() -> {
            writes.confirmOffer(owner.sessionId(), registrationId, true);
            audit.record(AuditKind.REGISTRATION_PROMOTED, registrationId, owner.structureId(),
                    AuditChanges.value("session", owner.sessionId()).and("offer", null, "confirmed by staff"));
        });
    }

    /** Présent, absent or excusé (null clears it). */
    public void markAttendance(long registrationId, Attendance attendance) {
        AtelierReads.Owner owner = ownerOf(registrationId);
        retry.runInTransaction(() -> {
            var registration = writes.markAttendance(owner.sessionId(), registrationId, attendance);
            audit.record(AuditKind.ATTENDANCE_RECORDED, registrationId, owner.structureId(),
                    AuditChanges.value("session", owner.sessionId()).and("attendance", null, registration.getAttendance()));
        });
    }

    /** The list as CSV (semicolons and a BOM, so a French spreadsheet opens it as is). */
    public byte[] exportCsv(long sessionId) {
        return retry.inTransaction(() -> {
            var roster = roster(sessionId);
            audit.record(AuditKind.EXPORT_CSV, sessionId, staff.structureId(),
                    AuditChanges.value("list", "session roster").and("rows", null, roster.confirmed().size() + roster.waiting().size()));
            return documents.csv(roster);
        });
    }

    /** The sign-in sheet (feuille d'émargement) as PDF: one line per person, companions included. */
    public byte[] signInSheet(long sessionId) {
        return retry.inTransaction(() -> {
            var roster = roster(sessionId);
            audit.record(AuditKind.EXPORT_PDF, sessionId, staff.structureId(),
                    AuditChanges.value("list", "sign-in sheet").and("rows", null, roster.confirmed().size() + roster.waiting().size()));
            return documents.signInSheet(roster);
        });
    }

    /** The registration's structure and session, checked against the signed-in person's structure. */
    private AtelierReads.Owner ownerOf(long registrationId) {
        AtelierReads.Owner owner = reads.ownerOfRegistration(registrationId);
        staff.checkStructure(owner.structureId());
        return owner;
    }
}
