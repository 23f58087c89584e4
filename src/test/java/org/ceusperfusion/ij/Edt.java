package org.ceusperfusion.ij;

import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;

/** Calls on the Swing event thread for the GUI test programs, rethrowing what the call threw. */
final class Edt {
    private Edt() {
    }

    /** A call that may throw. */
    interface Call<T> {
        T call() throws Exception;
    }

    /** @return what {@code call} returned on the event thread */
    static <T> T get(Call<T> call) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> error = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                result.set(call.call());
            } catch (Exception e) {
                error.set(e);
            }
        });
        if (error.get() != null) {
            throw error.get();
        }
        return result.get();
    }

    /** Runs {@code r} on the event thread and waits for it. */
    static void run(Runnable r) throws Exception {
        SwingUtilities.invokeAndWait(r);
    }
}
