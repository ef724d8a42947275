package org.bluehelm.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The message bundles (messages and the modules' {@code i18n/*}) are read as one: a key defined in
 * two of them would show one bundle's text on the other's screens, whichever comes first in the
 * configured list. Each key is therefore defined once, in both languages.
 */
class MessageBundlesTests {

    @Test
    void everyKeyIsDefinedInOneBundleOnly() throws IOException {
        for (String language : List.of("", "_fr")) {
            Map<String, List<String>> bundlesOfKey = new TreeMap<>();
            for (Resource bundle : bundles(language)) {
                for (String key : read(bundle).stringPropertyNames()) {
                    bundlesOfKey.computeIfAbsent(key, k -> new ArrayList<>()).add(bundle.getFilename());
                }
            }
            Map<String, List<String>> repeated = new TreeMap<>();
            bundlesOfKey.forEach((key, names) -> {
                if (names.size() > 1) {
                    repeated.put(key, names);
                }
            });
            assertThat(repeated)
                    .as("keys defined in more than one bundle" + language)
                    .isEmpty();
        }
    }

    @Test
    void everyKeyHasAnEnglishAndAFrenchText() throws IOException {
        for (Resource english : bundles("")) {
            String name = english.getFilename();
            Resource french = english.createRelative(name.replace(".properties", "_fr.properties"));
            assertThat(french.exists()).as(name + " has a French bundle").isTrue();
            Set<String> onlyEnglish = new TreeSet<>(read(english).stringPropertyNames());
            Set<String> onlyFrench = new TreeSet<>(read(french).stringPropertyNames());
            Set<String> both = new TreeSet<>(onlyEnglish);
            both.retainAll(onlyFrench);
            onlyEnglish.removeAll(both);
            onlyFrench.removeAll(both);
            assertThat(onlyEnglish).as("keys of " + name + " without French").isEmpty();
            assertThat(onlyFrench).as("keys of " + name + " without English").isEmpty();
        }
    }

    /** messages{language}.properties and every i18n/*{language}.properties of the main resources. */
    private static List<Resource> bundles(String language) throws IOException {
        List<Resource> bundles = new ArrayList<>();
        bundles.add(new ClassPathResource("messages" + language + ".properties"));
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath:i18n/*.properties")) {
            String name = r.getFilename();
            if (name != null && (language.isEmpty() ? !name.contains("_") : name.endsWith(language + ".properties"))) {
                bundles.add(r);
            }
        }
        assertThat(bundles).hasSizeGreaterThan(20);
        return bundles;
    }

    private static Properties read(Resource bundle) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(bundle.getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
