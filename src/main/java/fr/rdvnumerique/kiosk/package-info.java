/**
 * Kiosk: the touch screen at the médiathèque where residents (often older, often new to screens) register on
 * their own. It has no data of its own: the screen's enrolment belongs to territory, registrations to the
 * atelier and appointment modules, whose public services it calls.
 *
 * <p>Decisions, for whoever changes the screens:
 * <ul>
 * <li><b>Four screens at most</b>: home → a session (or, for an appointment, the reason and the time on one
 * screen) → who → done. "Retour" and "Recommencer" on every step; not on the home screen (where both lead)
 * nor on the confirmation, whose "J'ai terminé" starts over (once registered there is no step to go back to,
 * and a way back to the form would only invite a duplicate).</li>
 * <li><b>Phone, or else e-mail</b>: the form asks for the phone (the expected field: most older residents
 * have one, and it is how staff reach them when a session changes); a person without a phone may give an e-mail address instead, which
 * is then enough. Refusing them would send them away from a free service for lack of a device; the domain's
 * {@code ContactDetails} accepts either, and the message under the phone field says so.</li>
 * <li><b>Never a waiting list without consent</b>: a free seat shown is asked for as "a confirmed seat only"
 * ({@code RegistrationRequest.acceptWaitingList = false}); the atelier module decides under the session's lock
 * and refuses rather than waitlists when the seat went meanwhile, and the kiosk then offers the waiting list.
 * Choosing a session shown as full is consent to its waiting list, said again on the form.</li>
 * <li><b>Reset</b>: 60 s without a touch, then "Avez-vous besoin de plus de temps ?" with 30 s to answer
 * (WCAG 2.2.1); the confirmation stays 60 s whatever the touches, then the same question: the next person in
 * line cannot keep the previous one's ticket on screen. A reset reloads the page in place of the current one
 * and ends the session; kiosk pages are {@code no-store} and reloaded if restored from the back-forward cache.
 * Timings in {@link fr.rdvnumerique.kiosk.KioskSettings} ({@code rdv.kiosk.*}).</li>
 * <li><b>Revocation</b> takes effect at the next registration or booking: the screen's enrolment is read again
 * from the database before anything is saved.</li>
 * </ul>
 */
@ApplicationModule(displayName = "Borne", allowedDependencies = {"base", "territory", "atelier", "appointment"})
package fr.rdvnumerique.kiosk;

import org.springframework.modulith.ApplicationModule;
