package org.bluehelm.dataexchange;

/** The file cannot be read as the format says (not CSV, JSON or XLSX, or a required column is missing). */
class ImportFileException extends RuntimeException {

    ImportFileException(String message) {
        super(message);
    }

    ImportFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
