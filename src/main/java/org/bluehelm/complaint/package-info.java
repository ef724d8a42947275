/**
 * Complaints from the public about the security sector: anyone may report, without signing in and
 * anonymously by default, what happened, when, where and to which category it belongs, with up to
 * three files. The reporter gets a receipt (16 random digits, kept only as a peppered hash) to
 * follow the report and write to its handler. A name, a contact and files are encrypted with
 * {@link org.bluehelm.shared.FieldCipher}; no address or browser of the reporter is kept. Staff in
 * scope (by the report's country) list and read reports without identities, reply, and may reveal
 * the identity, which is recorded with who and when. A report starts RECEIVED and becomes a case that
 * moves through {@link org.bluehelm.complaint.CaseWorkflow} with deadlines per stage, the people
 * involved (encrypted, with duplicate detection), internal notes, and cases created by staff or
 * imported; who sees and reveals what is {@link org.bluehelm.complaint.CaseAccess}. The performance
 * of oversight bodies is computed over the cases, fed to the indicator engine as de-identified
 * ACCOUNTABILITY indicators with small cells suppressed for partners, and closed cases are deleted
 * when their retention period ends.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "geography", "institution", "audit", "web", "indicator", "measurement", "cli"})
@org.jspecify.annotations.NullMarked
package org.bluehelm.complaint;
