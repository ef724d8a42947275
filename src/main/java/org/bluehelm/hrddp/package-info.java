/**
 * Human Rights Due Diligence Policy: before the peace operation supports a non-UN security force
 * (training, fuel and rations, logistics, joint operations, ...) it records the planned support to
 * a recipient institution or unit, assesses the risk that the recipient commits grave violations
 * (history kept, the latest assessment current), decides on mitigation measures and monitors them.
 * A support may be ACTIVE only while its current assessment decides to proceed. When the complaint
 * module closes a case of a grave category as substantiated, a flag is raised on every support
 * that is not ended whose recipient is an implicated unit, a unit above one in the chain of command
 * or a unit below one; the flag asks for a reassessment, which clears it. Supports are scoped by
 * mission and country like every other record.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "institution", "mission", "identity", "complaint", "audit", "web"})
@org.jspecify.annotations.NullMarked
package org.bluehelm.hrddp;
