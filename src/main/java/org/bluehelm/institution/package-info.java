/**
 * The host country's security institutions by pillar (armed forces, police, courts, prisons, border
 * services, the ministries that run them), their place in a hierarchy, their authorised and actual
 * strength by year, and the oversight bodies (parliamentary committees, inspectorates,
 * ombudspersons, national human rights institutions, civil society monitors) that oversee them.
 * Each record belongs to a country and, when one mission keeps it, to that mission; reads and
 * writes follow the user's {@link org.bluehelm.shared.AccessScope}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "geography", "mission", "web"})
@org.jspecify.annotations.NullMarked
package org.bluehelm.institution;
