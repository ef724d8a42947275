/**
 * Approval of data: per programme, organisation unit and period, data is submitted (by a data
 * steward or partner), then approved (by a mission manager or administrator), and may be withdrawn
 * before approval or un-approved after it; a unit is approved only once every unit directly below
 * it that holds data for the programme's indicators in the period is approved, and un-approved
 * only while no unit above it is approved. Approved data is locked: this module implements
 * measurement's {@link org.bluehelm.measurement.DataLock}, so that every write to a value of an
 * indicator of an approved programme, for the approved unit or one below it and a period within the
 * approved period, is refused. Every step is logged with who, when and their comment, and
 * appended to the audit log.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "audit", "programme", "measurement", "geography", "web"})
@org.jspecify.annotations.NullMarked
package org.bluehelm.approval;
