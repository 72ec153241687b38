package org.asicscm.platform;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The application's own classes, read from the WAR (exploded or not), for what annotations say. */
final class ApplicationClasses {
    private static final Logger LOG = Logger.getLogger(ApplicationClasses.class.getName());
    private static final String PACKAGE = "org/asicscm";

    private ApplicationClasses() {}

    /** Every class of the application (org.asicscm), loaded without initialising it. */
    static List<Class<?>> all() {
        var loader = ApplicationClasses.class.getClassLoader();
        var found = new ArrayList<Class<?>>();
        try {
            for (URL root : Collections.list(loader.getResources(PACKAGE))) {
                for (String className : classNames(root)) {
                    try {
                        found.add(Class.forName(className, false, loader));
                    } catch (ClassNotFoundException | LinkageError e) {
                        // not loadable here: nothing to describe
                    }
                }
            }
        } catch (IOException | URISyntaxException e) {
            LOG.log(Level.WARNING, "cannot list the application's classes", e);
        }
        return found;
    }

    private static List<String> classNames(URL root) throws IOException, URISyntaxException {
        if ("file".equals(root.getProtocol())) {
            Path base = Path.of(root.toURI()).getParent().getParent();
            try (Stream<Path> files = Files.walk(Path.of(root.toURI()))) {
                return files.filter(f -> f.toString().endsWith(".class"))
                        .map(f -> base.relativize(f).toString())
                        .map(ApplicationClasses::className)
                        .collect(Collectors.toList());
            }
        }
        if (root.openConnection() instanceof JarURLConnection jar) {
            try (var file = jar.getJarFile()) {
                return file.stream()
                        .map(entry -> entry.getName())
                        .filter(name -> name.startsWith(PACKAGE) && name.endsWith(".class"))
                        .map(ApplicationClasses::className)
                        .collect(Collectors.toList());
            }
        }
        return List.of();
    }

    private static String className(String resource) {
        return resource.substring(0, resource.length() - ".class".length())
                .replace('/', '.')
                .replace('\\', '.');
    }
}
