package fr.rdvnumerique.base.demo;

/**
 * A module's part of the demo data. Contributors run in {@link #order()} inside one transaction, once per
 * database, and only when demo data is enabled. Demo data uses fictitious people only.
 */
public interface DemoDataContributor {

    /** Territory first (10), then what builds on it. */
    int order();

    void load();
}
