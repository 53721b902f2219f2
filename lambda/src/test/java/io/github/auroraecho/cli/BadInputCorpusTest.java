package io.github.auroraecho.cli;

import io.github.auroraecho.lambda.StageHandlerProbe;
import io.github.auroraecho.lifecycle.InvalidInputException;
import io.github.auroraecho.lifecycle.Operation;
import io.github.auroraecho.testing.BadInputs;
import io.github.auroraecho.testing.CliRun;
import io.github.auroraecho.testing.EmulatorExtension;
import io.github.auroraecho.testing.TestAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.provider.Arguments;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Garbage in, through the CLI and the Lambda handler: exit 2 or a rejected event naming the field, and no AWS call. */
@ExtendWith(EmulatorExtension.class)
class BadInputCorpusTest {

    @Test
    void everyMalformedDocumentIsRejectedWithoutAnyAwsCall(TestAccount aws) {
        aws.production();
        String before = aws.state();
        List<Arguments> corpus = BadInputs.documents().toList();

        for (Arguments arguments : corpus) {
            Object[] a = arguments.get();
            String name = (String) a[0];
            String document = (String) a[1];
            Operation operation = (Operation) a[2];
            String expected = (String) a[3];

            CliRun run = CliRun.of(aws, document, operation.cliName(), "--event", "-");
            assertEquals(2, run.exit(), name + ": " + run.err());
            assertTrue(run.err().contains(expected), name + ": " + run.err());
            assertEquals(0, run.clientsMade(), name);

            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> StageHandlerProbe.invoke(operation, document, aws.clientsWith()), name);
            assertTrue(e.getMessage().contains(expected), name + ": " + e.getMessage());
        }

        assertTrue(corpus.size() >= 40, "the corpus has " + corpus.size() + " documents");
        System.out.println("bad inputs tried: " + corpus.size() + " documents x (CLI + handler)");
        assertEquals(List.of(), aws.calls().calls());
        assertEquals(before, aws.state());
    }
}
