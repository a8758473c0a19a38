/**
 * Kiosk: the touch screen at the médiathèque where residents (often older, often new to screens) register on
 * their own. It has no data of its own: the screen's enrolment belongs to territory, registrations to the
 * atelier and appointment modules, whose public services it calls.
 */
@ApplicationModule(displayName = "Borne")
package fr.rdvnumerique.kiosk;

import org.springframework.modulith.ApplicationModule;
