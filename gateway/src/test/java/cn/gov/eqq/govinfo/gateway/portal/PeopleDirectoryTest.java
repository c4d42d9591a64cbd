package cn.gov.eqq.govinfo.gateway.portal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.eqq.govinfo.gateway.portal.PeopleDirectory.Person;
import cn.gov.eqq.govinfo.testsupport.redis.RedisTestServer;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * The names of who signed in, in the real Redis every gateway replica shares; and who may read whose name.
 */
class PeopleDirectoryTest {

    static LettuceConnectionFactory connections;
    static ReactiveStringRedisTemplate redis;
    PeopleDirectory directory;

    @BeforeAll
    static void redis() {
        URI url = URI.create(RedisTestServer.url());
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(url.getHost(), url.getPort()));
        connections.afterPropertiesSet();
        redis = new ReactiveStringRedisTemplate(connections);
    }

    @AfterAll
    static void close() {
        connections.destroy();
    }

    @BeforeEach
    void empty() {
        redis.delete(PeopleDirectory.NAMES, PeopleDirectory.UNITS).block();
        directory = new PeopleDirectory(redis);
    }

    @Test
    void aPersonWhoSignedInIsReadByAnotherReplicaWithNameAndUnit() {
        directory.remember(new Person("u006-reporter", "刘伟", "U006")).block();
        directory.remember(new Person("room-editor", "孙涛", null)).block();

        List<Person> readElsewhere = new PeopleDirectory(redis).all().block();

        assertThat(readElsewhere).containsExactly(new Person("room-editor", "孙涛", null),
                new Person("u006-reporter", "刘伟", "U006"));
    }

    @Test
    void theNextSignInTakesANewNameAndAMoveOutOfAUnit() {
        directory.remember(new Person("u006-reporter", "刘伟", "U006")).block();
        directory.remember(new Person("u006-reporter", "刘伟（已调任）", null)).block();

        assertThat(directory.all().block()).containsExactly(new Person("u006-reporter", "刘伟（已调任）", null));
    }

    @Test
    void aUnitsStaffSeeTheirOwnUnitAndThePeopleWithoutOneTheRoomSeesEveryone() {
        List<Person> people = List.of(new Person("room-editor", "孙涛", null),
                new Person("u006-reporter", "刘伟", "U006"), new Person("u007-reporter", "张敏", "U007"));

        assertThat(PeopleDirectory.visibleTo(people, List.of("reporter"), "U006")).extracting(Person::username)
                .containsExactly("room-editor", "u006-reporter");
        assertThat(PeopleDirectory.visibleTo(people, List.of("unit-leader"), "U007")).extracting(Person::username)
                .containsExactly("room-editor", "u007-reporter");
        assertThat(PeopleDirectory.visibleTo(people, List.of("info-room"), null)).hasSize(3);
        assertThat(PeopleDirectory.visibleTo(people, List.of("viewer"), null)).hasSize(3);
        assertThat(PeopleDirectory.visibleTo(people, List.of("dashboard"), null)).extracting(Person::username)
                .containsExactly("room-editor");
    }

    @Test
    void withoutRedisTheSignInGoesOnAndNothingIsRemembered() {
        LettuceConnectionFactory nowhere = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 9));
        nowhere.afterPropertiesSet();
        try {
            new PeopleDirectory(new ReactiveStringRedisTemplate(nowhere))
                    .remember(new Person("u006-reporter", "刘伟", "U006")).block();
        } finally {
            nowhere.destroy();
        }
        assertThat(directory.all().block()).isEmpty();
    }
}
