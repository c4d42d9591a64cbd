package cn.gov.eqq.govinfo.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Packs {@link DummyService} into an executable jar, so the devstack can run it with {@code java -jar}. */
final class DummyJar {

    private DummyJar() {
    }

    static Path write(Path file) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, DummyService.class.getName());
        String entry = DummyService.class.getName().replace('.', '/') + ".class";
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file);
                JarOutputStream jar = new JarOutputStream(out, manifest);
                InputStream clazz = DummyService.class.getClassLoader().getResourceAsStream(entry)) {
            jar.putNextEntry(new JarEntry(entry));
            clazz.transferTo(jar);
            jar.closeEntry();
        }
        return file;
    }
}
