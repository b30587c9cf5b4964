package io.renlayer.api;

import io.renlayer.api.auth.MinRole;
import io.renlayer.api.testing.TenantRoutes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Role checks on every endpoint", checked without a server: every resource method of every tenant resource
 * class carries {@link MinRole}, and {@link TenantRoutes} has exactly one row per such method, with the same
 * minimal role. A new tenant route without a row (so untested by the role-matrix and isolation tests) fails here.
 */
class RouteCoverageTest {

    static final String RESOURCES_PACKAGE = "io.renlayer.api.resources";

    /** A resource method found by reflection. */
    record Endpoint(String key, Method method) {
    }

    private static List<Class<?>> tenantResources;
    private static List<Endpoint> endpoints;

    @BeforeAll
    static void scan() throws Exception {
        tenantResources = scanPackage(RESOURCES_PACKAGE).stream()
                .filter(c -> c.isAnnotationPresent(Path.class))
                .filter(c -> normalize(c.getAnnotation(Path.class).value()).startsWith("/v1/tenants/"))
                .toList();
        endpoints = tenantResources.stream().flatMap(RouteCoverageTest::endpointsOf).toList();
    }

    @Test
    void scanFindsTheTenantResources() {
        // Guards the scan itself: an empty scan would make every other assertion here vacuous.
        assertThat(tenantResources).extracting(Class::getSimpleName)
                .contains("TenantResource", "UserResource", "AgentResource", "ApiKeyResource", "PolicyResource",
                        "DetectorResource", "PatternResource", "AllowListResource", "WebhookResource",
                        "SupportGrantResource", "AuditLogResource", "TraceResource", "SessionResource")
                .doesNotContain("AuthResource", "JwksResource");
        assertThat(endpoints).hasSizeGreaterThanOrEqualTo(TenantRoutes.ALL.size());
    }

    @Test
    void everyTenantEndpointCarriesMinRole() {
        List<String> missing = endpoints.stream()
                .filter(e -> !e.method().isAnnotationPresent(MinRole.class))
                .map(e -> e.key() + " (" + e.method().getDeclaringClass().getSimpleName() + "." + e.method().getName() + ")")
                .toList();
        assertThat(missing).as("tenant endpoints without @MinRole").isEmpty();
    }

    @Test
    void noSubResourceLocators() {
        // A locator (@Path without an HTTP method) would hand out routes this scan and the role table cannot see.
        List<String> locators = tenantResources.stream()
                .flatMap(c -> Stream.of(c.getMethods()))
                .filter(m -> m.isAnnotationPresent(Path.class) && httpMethod(m) == null)
                .map(m -> m.getDeclaringClass().getSimpleName() + "." + m.getName())
                .toList();
        assertThat(locators).isEmpty();
    }

    @Test
    void routeTableCoversExactlyTheTenantEndpoints() {
        List<String> tableKeys = TenantRoutes.ALL.stream().map(TenantRoutes.Route::key).toList();
        assertThat(tableKeys).as("duplicate rows in TenantRoutes").doesNotHaveDuplicates();
        List<String> endpointKeys = endpoints.stream().map(Endpoint::key).toList();
        assertThat(endpointKeys).as("two resource methods on one route").doesNotHaveDuplicates();

        assertThat(new TreeSet<>(tableKeys))
                .as("rows of TenantRoutes vs resource methods (a new route needs a row; a removed one, its row gone)")
                .isEqualTo(new TreeSet<>(endpointKeys));
    }

    @Test
    void routeTableRolesMatchTheAnnotations() {
        Map<String, Method> byKey = endpoints.stream().collect(Collectors.toMap(Endpoint::key, Endpoint::method,
                (a, b) -> a, LinkedHashMap::new));
        List<String> mismatches = TenantRoutes.ALL.stream()
                .filter(r -> byKey.containsKey(r.key()) && byKey.get(r.key()).isAnnotationPresent(MinRole.class))
                .filter(r -> byKey.get(r.key()).getAnnotation(MinRole.class).value() != r.minRole())
                .map(r -> r.key() + ": TenantRoutes (API.md) says " + r.minRole() + ", @MinRole says "
                        + byKey.get(r.key()).getAnnotation(MinRole.class).value())
                .toList();
        assertThat(mismatches).isEmpty();
    }

    @Test
    void routeTemplatesAreWellFormed() {
        for (TenantRoutes.Route route : TenantRoutes.ALL) {
            assertThat(route.template()).as(route.key()).startsWith(TenantRoutes.PREFIX).doesNotEndWith("/");
            assertThat(route.successStatus()).as(route.key()).isBetween(200, 299);
            if (route.isDestructive()) {
                assertThat(route.params()).as(route.key() + " consumes a resource named in its path").isNotEmpty();
            }
        }
    }

    private static Stream<Endpoint> endpointsOf(Class<?> resource) {
        String base = normalize(resource.getAnnotation(Path.class).value());
        return Stream.of(resource.getMethods())
                .filter(m -> httpMethod(m) != null)
                .map(m -> {
                    String sub = m.isAnnotationPresent(Path.class) ? normalize(m.getAnnotation(Path.class).value()) : "";
                    return new Endpoint(httpMethod(m) + " " + base + sub, m);
                });
    }

    /** GET, POST … from an annotation that is itself annotated {@link HttpMethod}, or null. */
    private static String httpMethod(Method method) {
        return Stream.of(method.getAnnotations())
                .map(a -> a.annotationType().getAnnotation(HttpMethod.class))
                .filter(h -> h != null)
                .map(HttpMethod::value)
                .findFirst().orElse(null);
    }

    /** A JAX-RS path with one leading slash, none trailing, no regex in templates ({id: [a-z]+} → {id}). */
    static String normalize(String path) {
        String p = path.replaceAll("\\{\\s*([A-Za-z0-9_]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        if (!p.startsWith("/")) {
            p = "/" + p;
        }
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** The top-level classes of a package, from a class-path directory or a jar. */
    static List<Class<?>> scanPackage(String packageName) throws IOException, URISyntaxException, ClassNotFoundException {
        String dir = packageName.replace('.', '/');
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<String> names = new ArrayList<>();
        Enumeration<URL> roots = loader.getResources(dir);
        for (URL root : Collections.list(roots)) {
            if (root.getProtocol().equals("file")) {
                try (Stream<java.nio.file.Path> files = Files.list(Paths.get(root.toURI()))) {
                    files.map(f -> f.getFileName().toString()).forEach(names::add);
                }
            } else if (root.getProtocol().equals("jar")) {
                JarURLConnection jar = (JarURLConnection) root.openConnection();
                jar.setUseCaches(false);
                try (var file = jar.getJarFile()) {
                    file.stream().map(JarEntry::getName)
                            .filter(n -> n.startsWith(dir + "/") && n.indexOf('/', dir.length() + 1) < 0)
                            .map(n -> n.substring(dir.length() + 1))
                            .forEach(names::add);
                }
            }
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : new TreeSet<>(names)) {
            if (name.endsWith(".class") && !name.contains("$")) {
                Class<?> c = Class.forName(packageName + "." + name.substring(0, name.length() - ".class".length()),
                        false, loader);
                if (!c.isInterface() && !Modifier.isAbstract(c.getModifiers())) {
                    classes.add(c);
                }
            }
        }
        assertThat(classes).as("classes found in " + packageName).isNotEmpty();
        return classes;
    }
}
