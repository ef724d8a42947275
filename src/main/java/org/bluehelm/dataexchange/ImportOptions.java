package org.bluehelm.dataexchange;

import org.jspecify.annotations.Nullable;

/**
 * How to read and write one import: the file's format, how it names indicators and units, what to
 * do with stored values, all-or-nothing or not, and whether to write at all ({@code dryRun}).
 */
public record ImportOptions(
        ImportFormat format,
        IdScheme dataElementIdScheme,
        IdScheme orgUnitIdScheme,
        ImportStrategy strategy,
        AtomicMode atomicMode,
        boolean dryRun,
        @Nullable String fileName) {

    public static ImportOptions defaults(ImportFormat format) {
        return new ImportOptions(
                format, IdScheme.CODE, IdScheme.CODE, ImportStrategy.CREATE_AND_UPDATE, AtomicMode.ALL, false, null);
    }

    public ImportOptions withDryRun(boolean dryRun) {
        return new ImportOptions(format, dataElementIdScheme, orgUnitIdScheme, strategy, atomicMode, dryRun, fileName);
    }

    public ImportOptions withStrategy(ImportStrategy strategy) {
        return new ImportOptions(format, dataElementIdScheme, orgUnitIdScheme, strategy, atomicMode, dryRun, fileName);
    }

    public ImportOptions withIdScheme(IdScheme scheme) {
        return new ImportOptions(format, scheme, scheme, strategy, atomicMode, dryRun, fileName);
    }

    public ImportOptions withAtomicMode(AtomicMode mode) {
        return new ImportOptions(format, dataElementIdScheme, orgUnitIdScheme, strategy, mode, dryRun, fileName);
    }

    public ImportOptions withFileName(@Nullable String name) {
        return new ImportOptions(format, dataElementIdScheme, orgUnitIdScheme, strategy, atomicMode, dryRun, name);
    }
}
