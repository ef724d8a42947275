package org.bluehelm.dataexchange;

/**
 * The file cannot be read as the format says (not CSV, JSON or XLSX, a required column is missing,
 * no data rows). The problem is said of the file ("has no data rows"), as field problems are said of
 * their field, so that an API error reads "file has no data rows"; the message is the whole sentence
 * ("the file has no data rows") for the import's record and the command line.
 */
class ImportFileException extends RuntimeException {

    private final String problem;

    ImportFileException(String problem) {
        super("the file " + problem);
        this.problem = problem;
    }

    ImportFileException(String problem, Throwable cause) {
        super("the file " + problem, cause);
        this.problem = problem;
    }

    /** What is wrong, said of the file: "is not valid CSV: ...", "has no data rows". */
    String problem() {
        return problem;
    }
}
