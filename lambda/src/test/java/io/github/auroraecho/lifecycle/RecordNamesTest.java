package io.github.auroraecho.lifecycle;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Route 53's normalized record names, as its IAM condition key compares them. */
class RecordNamesTest {
    @Test
    void lowerCaseWithoutTheFinalDot() {
        assertEquals("db.staging.example.com", RecordNames.normalized("DB.Staging.Example.com."));
    }

    @Test
    void aWildcardAndEveryOtherCharacterOutsideTheDnsAlphabetAreOctalEscapes() {
        assertEquals("\\052.staging.example.com", RecordNames.normalized("*.staging.example.com"));
        assertEquals("a\\100b_c-d.example.com", RecordNames.normalized("a@b_c-d.example.com"));
    }
}
