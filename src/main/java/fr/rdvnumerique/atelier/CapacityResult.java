package fr.rdvnumerique.atelier;

/** What a capacity change did: how many people got a seat, how many went back to the waiting list. */
public record CapacityResult(int capacity, int promoted, int movedToWaitingList) {
}
