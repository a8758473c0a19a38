package fr.rdvnumerique.base.web;

/**
 * What a module knows about the public addresses it answers: whether one names something that does not exist (an
 * unknown territory, a session of another structure, a private link nobody has or that has expired). The page
 * still says so in French; asking before the page is built lets the address itself answer HTTP 404, which Vaadin
 * cannot do for the page a browser opens (it serves its shell first and routes in a later request).
 */
public interface PublicAddresses {

    /**
     * True when the path (from the application's root, starting with {@code /}) is one of this module's addresses
     * and names nothing that exists. Must not change anything: a link scanner opening a private link is not the
     * person pressing a button.
     */
    boolean namesNothing(String path);
}
