package fr.rdvnumerique.base.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class CausesTest {

    @Test
    void the_cause_wrapped_twice_is_found_and_the_first_match_wins() {
        var refused = new ConnectException("refused");
        var error = new IllegalStateException("send", new UncheckedIOException(new IOException("io", refused)));
        assertThat(Causes.find(error, ConnectException.class)).containsSame(refused);
        assertThat(Causes.find(error, IOException.class)).get().extracting(Throwable::getMessage).isEqualTo("io");
        assertThat(Causes.root(error)).isSameAs(refused);
    }

    @Test
    void the_test_picks_among_errors_of_the_same_type() {
        var duplicate = new SQLException("Duplicate entry", "23000", 1062);
        var error = new RuntimeException(new SQLException("wrapper", "HY000", 0, duplicate));
        assertThat(Causes.find(error, SQLException.class, e -> e.getErrorCode() == 1062)).containsSame(duplicate);
        assertThat(Causes.find(error, SQLException.class, e -> e.getErrorCode() == 1213)).isEmpty();
    }

    @Test
    void a_chain_that_loops_back_ends_the_search() {
        var first = new RuntimeException("first");
        var second = new RuntimeException("second", first);
        first.initCause(second);
        assertThat(Causes.find(first, ConnectException.class)).isEmpty();
        assertThat(Causes.root(first)).isSameAs(second);
    }
}
