/**
 * Shared kernel: value objects, time, i18n, security, layouts, database plumbing.
 * Every module may use it; it depends on no feature module.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN, displayName = "Base", allowedDependencies = {})
package fr.rdvnumerique.base;

import org.springframework.modulith.ApplicationModule;
