package cn.gov.eqq.govinfo.devstack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MongoUrisTest {

    @Test
    void theDatabaseOfEachServiceReplacesOrFillsTheUriPath() {
        assertThat(MongoUris.withDatabase("mongodb://127.0.0.1:27017", "scoring"))
                .isEqualTo("mongodb://127.0.0.1:27017/scoring");
        assertThat(MongoUris.withDatabase("mongodb://127.0.0.1:27017/", "scoring"))
                .isEqualTo("mongodb://127.0.0.1:27017/scoring");
        assertThat(MongoUris.withDatabase("mongodb://u:p@h1:1,h2:2/admin?replicaSet=rs0", "intake"))
                .isEqualTo("mongodb://u:p@h1:1,h2:2/intake?replicaSet=rs0");
        assertThat(MongoUris.withDatabase("mongodb+srv://cluster.example/?retryWrites=true", "reporting"))
                .isEqualTo("mongodb+srv://cluster.example/reporting?retryWrites=true");
    }

    @Test
    void theFirstHostIsCheckedForReachability() {
        assertThat(MongoUris.firstHostPort("mongodb://u:p@h1:1,h2:2/admin")).isEqualTo("h1:1");
        assertThat(MongoUris.firstHostPort("mongodb://db.local/x")).isEqualTo("db.local:27017");
    }
}
