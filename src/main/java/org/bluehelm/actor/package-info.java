/**
 * The international and national actors of security sector reform: the peace operation's
 * components, UN entities, multilateral organisations, donor governments and international NGOs on
 * one side; host ministries, security institutions, oversight bodies, civil society organisations
 * and community groups on the other. National actors belong to their country, a mission component
 * to its mission, and the other international actors are shared reference records every signed-in
 * user sees, so that other modules can record who leads or supports an activity.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "geography", "mission", "web"})
@org.jspecify.annotations.NullMarked
package org.bluehelm.actor;
