package fr.rdvnumerique.appointment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One private management link of an appointment: only the SHA-256 of the secret is kept. */
@Entity
@Table(name = "appointment_token")
public class AppointmentToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "appointment_id", nullable = false)
    private long appointmentId;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AppointmentToken() {
    }

    public AppointmentToken(long appointmentId, String tokenHash, Instant createdAt) {
        this.appointmentId = appointmentId;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
    }

    public long getAppointmentId() {
        return appointmentId;
    }
}
