package fr.rdvnumerique.atelier;

/** The seats a registration holds: one, or two with an accompanying person. */
public record Seats(int count) {
}
