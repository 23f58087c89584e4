package org.ceusperfusion.ij;

import java.awt.Menu;
import java.awt.MenuBar;
import java.awt.MenuItem;

/**
 * Starts ImageJ (no window shown) on the ImageJ folder {@code args[0]} and prints every menu item as its
 * path, e.g. {@code File>Import>CEUS Cine Loop...}, one per line. Needs a display (ImageJ builds AWT menus).
 */
public final class MenuListMain {
    private MenuListMain() {
    }

    public static void main(String[] args) {
        System.setProperty("plugins.dir", args[0]);
        new ij.ImageJ(ij.ImageJ.NO_SHOW);
        MenuBar mb = ij.Menus.getMenuBar();
        for (int i = 0; i < mb.getMenuCount(); i++) {
            print(mb.getMenu(i), "");
        }
        System.exit(0);
    }

    private static void print(MenuItem m, String prefix) {
        String path = prefix.isEmpty() ? m.getLabel() : prefix + ">" + m.getLabel();
        if (m instanceof Menu menu) {
            for (int i = 0; i < menu.getItemCount(); i++) {
                print(menu.getItem(i), path);
            }
        } else {
            System.out.println("menu:" + path);
        }
    }
}
