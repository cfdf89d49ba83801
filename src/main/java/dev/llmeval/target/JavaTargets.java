package dev.llmeval.target;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads a {@link RagTarget} implementation by class name ({@code --target java}). */
public final class JavaTargets {

    private JavaTargets() {}

    /**
     * Loads {@code className} from the jars and directories of {@code classpath} (then from
     * llmeval's own class path) and creates it with its public no-arg constructor. The class
     * loader stays open for the life of the process. Failures throw
     * {@code LlmevalException(TARGET_FAILED)} naming the class and the cause.
     */
    public static RagTarget load(String className, List<Path> classpath) {
        ClassLoader loader = loader(classpath);
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw fail("target class " + className + " not found on the target class path " + classpath);
        } catch (LinkageError e) {
            throw fail("target class " + className + " cannot be loaded: " + e);
        }
        if (!RagTarget.class.isAssignableFrom(type)) {
            throw fail("target class " + className + " does not implement " + RagTarget.class.getName());
        }
        if (Modifier.isAbstract(type.getModifiers())) {
            throw fail("target class " + className + " is abstract");
        }
        Constructor<?> constructor;
        try {
            constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw fail("target class " + className + " has no public no-arg constructor");
        }
        try {
            return (RagTarget) constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw fail("target class " + className + " constructor failed: " + TargetRunner.oneLine(e.getCause()));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw fail("target class " + className + " cannot be created: " + TargetRunner.oneLine(e));
        }
    }

    private static ClassLoader loader(List<Path> classpath) {
        ClassLoader parent = JavaTargets.class.getClassLoader();
        if (classpath == null || classpath.isEmpty()) {
            return parent;
        }
        List<URL> urls = new ArrayList<>();
        for (Path entry : classpath) {
            if (!Files.exists(entry)) {
                throw fail("target class path entry " + entry + " does not exist");
            }
            try {
                urls.add(entry.toAbsolutePath().toUri().toURL());
            } catch (MalformedURLException e) {
                throw fail("target class path entry " + entry + " is not a valid path");
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), parent);
    }

    private static LlmevalException fail(String message) {
        return new LlmevalException(ExitStatus.TARGET_FAILED, message);
    }
}
