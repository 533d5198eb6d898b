static int answer(void) { volatile int a = 6, b = 7; return a * b; }
