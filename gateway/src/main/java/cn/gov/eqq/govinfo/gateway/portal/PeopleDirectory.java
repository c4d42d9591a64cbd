package cn.gov.eqq.govinfo.gateway.portal;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

/**
 * The names of the people who have signed in to the portal, kept in Redis (shared by every gateway replica), so
 * pages can say 孙涛 where the services record the login name {@code room-editor} as who acted: the services keep
 * login names, which are stable and unique, for their records. Everyone who acts in the portal has signed in first,
 * so the names of the people who act are here; a login name with no entry (an imported record, a machine client) is
 * shown as it is. A name changed in Keycloak is taken at the next sign-in.
 *
 * <p>Why not Keycloak's admin API: it would give the gateway a credential that reads every account of the realm, and a
 * call to Keycloak on a page's read path, to learn names the sign-in already carries.
 */
public final class PeopleDirectory {

    private static final Logger log = LoggerFactory.getLogger(PeopleDirectory.class);
    static final String NAMES = "govinfo:people:name";
    static final String UNITS = "govinfo:people:unit";
    /** A slow Redis holds the sign-in no longer than this. */
    private static final Duration SLOW = Duration.ofSeconds(2);

    /** One person: the login name, the name people read, and the unit ({@code null} for the room and leaders). */
    public record Person(String username, String name, String unitId) {
    }

    private final ReactiveStringRedisTemplate redis;

    public PeopleDirectory(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Remembers who signed in. Never fails the sign-in: without Redis the name is simply not shown to others. */
    public Mono<Void> remember(Person person) {
        if (person.username() == null || person.username().isBlank()) {
            return Mono.empty();
        }
        Mono<Boolean> unit = person.unitId() == null || person.unitId().isBlank()
                ? redis.opsForHash().remove(UNITS, person.username()).thenReturn(true)
                : redis.opsForHash().put(UNITS, person.username(), person.unitId());
        return redis.opsForHash().put(NAMES, person.username(), person.name()).then(unit).then()
                .timeout(SLOW)
                .onErrorResume(e -> {
                    log.warn("未能记录登录人员姓名（Redis 不可用）: {}", e.toString());
                    return Mono.empty();
                });
    }

    /** Everyone remembered, by login name. */
    public Mono<List<Person>> all() {
        Mono<Map<String, String>> names = entries(NAMES);
        Mono<Map<String, String>> units = entries(UNITS);
        return Mono.zip(names, units).map(both -> both.getT1().entrySet().stream()
                .map(e -> new Person(e.getKey(), e.getValue(), both.getT2().get(e.getKey())))
                .sorted(Comparator.comparing(Person::username)).toList());
    }

    /**
     * Who a reader may see: the room, administrators and leaders everyone; a unit's staff the people of their own
     * unit and those without a unit (the room and leaders, who act on the unit's items).
     */
    public static List<Person> visibleTo(List<Person> people, List<String> readerRoles, String readerUnit) {
        boolean wholeCounty = readerRoles.stream().anyMatch(r -> r.equals("info-room") || r.equals("admin")
                || r.equals("viewer") || r.equals("auditor"));
        return people.stream().filter(p -> wholeCounty || p.unitId() == null
                || (readerUnit != null && readerUnit.equals(p.unitId()))).toList();
    }

    private Mono<Map<String, String>> entries(String key) {
        return redis.<String, String>opsForHash().entries(key)
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }
}
