/**
 * Territory: the structures that run the service, their communes, places and advisors, the mutualisation
 * conventions that share an advisor between communes, and each advisor's schedule (which no two activities
 * may share). Reference data for every other module.
 */
@ApplicationModule(displayName = "Territoire", allowedDependencies = {"base"})
package fr.rdvnumerique.territory;

import org.springframework.modulith.ApplicationModule;
