package org.bluehelm.actor;

/** What kind of actor it is; each type belongs to one category. */
public enum ActorType {
    UN_ENTITY(ActorCategory.INTERNATIONAL),
    MISSION_COMPONENT(ActorCategory.INTERNATIONAL),
    DONOR_GOVERNMENT(ActorCategory.INTERNATIONAL),
    MULTILATERAL(ActorCategory.INTERNATIONAL),
    INTERNATIONAL_NGO(ActorCategory.INTERNATIONAL),
    HOST_MINISTRY(ActorCategory.NATIONAL),
    SECURITY_INSTITUTION(ActorCategory.NATIONAL),
    OVERSIGHT_BODY(ActorCategory.NATIONAL),
    CIVIL_SOCIETY_ORGANISATION(ActorCategory.NATIONAL),
    COMMUNITY_GROUP(ActorCategory.NATIONAL);

    private final ActorCategory category;

    ActorType(ActorCategory category) {
        this.category = category;
    }

    public ActorCategory category() {
        return category;
    }
}
