/**
 * A few types every module needs: the DHIS2-style {@link org.bluehelm.shared.Period}, the security
 * sector {@link org.bluehelm.shared.Pillar}, paging, the access scope of the signed-in user and the
 * exceptions that the web adapters turn into problem responses. Kept deliberately small.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package org.bluehelm.shared;
