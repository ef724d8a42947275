/**
 * Users, their roles and scopes, personal access tokens and sign-in: who may read and change what.
 * Builds the {@link org.bluehelm.shared.AccessScope} of each signed-in user, which every other
 * module applies to its own queries.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "geography", "mission", "web"})
@org.jspecify.annotations.NullMarked
package org.bluehelm.identity;
