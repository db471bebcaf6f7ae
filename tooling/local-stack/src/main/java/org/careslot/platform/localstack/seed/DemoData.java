package org.careslot.platform.localstack.seed;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;

/**
 * The demo data set, after the original system's sample data: a Bangladeshi healthcare platform with doctors of
 * different specialities in several divisions, their patients, and appointments in every status. Places are named as
 * identity-service's reference data names them and resolved to ids through its public locations endpoints.
 *
 * <p>Appointments carry no dates: {@link DemoSeeder} places them relative to the day it runs (upcoming ones a few
 * days ahead, past ones in the previous month, so that last month's reports have numbers) on the doctor's weekly grid.
 * Every appointment has its own doctor–patient pair, which is how a later run recognises it.
 */
final class DemoData {

    /** Every demo e-mail address ends in this (a reserved domain: no real mail can go there). */
    static final String EMAIL_DOMAIN = "careslot.example";

    private DemoData() {
    }

    /** A division, a district in it, and the thana to pick (null: the district's first). */
    record Place(String division, String district, String thana) {
    }

    /** One weekly availability window of a doctor. */
    record Window(DayOfWeek weekday, LocalTime start, LocalTime end, int slotMinutes) {

        static Window of(DayOfWeek weekday, String start, String end, int slotMinutes) {
            return new Window(weekday, LocalTime.parse(start), LocalTime.parse(end), slotMinutes);
        }
    }

    /** A doctor's account and profile; the license number is unique among doctors. */
    record Doctor(String fullName, String email, String phone, Place place, String specialization,
                  String licenseNumber, int experienceYears, String consultationFee, String qualification, String bio,
                  List<Window> windows) {
    }

    record Patient(String fullName, String email, String phone, Place place, String dateOfBirth, String gender,
                   String bloodGroup) {
    }

    /** When an appointment lies: a few days ahead, or in the previous calendar month. */
    enum When { UPCOMING, LAST_MONTH }

    /** Who cancels a CANCELLED one. */
    enum CancelledBy { PATIENT, DOCTOR }

    /**
     * @param doctor     index into {@link #DOCTORS}
     * @param patient    index into {@link #PATIENTS}
     * @param slot       which start of the doctor's window that day (0 = the first)
     * @param status     the status to reach: PENDING, CONFIRMED, CANCELLED, COMPLETED or NO_SHOW
     * @param closing    the cancel reason or the prescription, when the status needs one
     */
    record Appointment(int doctor, int patient, When when, int slot, String status, String notes, String closing,
                       CancelledBy cancelledBy) {
    }

    private static Window morning(DayOfWeek day, int slotMinutes) {
        return Window.of(day, "09:00", "13:00", slotMinutes);
    }

    private static Window evening(DayOfWeek day, int slotMinutes) {
        return Window.of(day, "17:00", "21:00", slotMinutes);
    }

    static final List<Doctor> DOCTORS = List.of(
            new Doctor("Dr. Farhana Akter", "farhana.akter", "+8801711000001",
                    new Place("Dhaka", "Dhaka", null), "CARDIOLOGY", "BMDC-A-31024", 15, "1200.00",
                    "MBBS, FCPS (Cardiology)", "Interventional cardiologist, chest pain and heart failure clinic.",
                    List.of(evening(SUNDAY, 20), evening(TUESDAY, 20), evening(THURSDAY, 20))),
            new Doctor("Dr. Mohammad Rafiqul Islam", "rafiqul.islam", "+8801711000002",
                    new Place("Chattogram", "Chattogram", null), "MEDICINE", "BMDC-A-22817", 20, "800.00",
                    "MBBS, FCPS (Medicine)", "Diabetes, hypertension and general adult medicine.",
                    List.of(morning(SATURDAY, 30), morning(MONDAY, 30), morning(WEDNESDAY, 30))),
            new Doctor("Dr. Nasrin Sultana", "nasrin.sultana", "+8801711000003",
                    new Place("Dhaka", "Gazipur", null), "GYNECOLOGY_OBSTETRICS", "BMDC-A-40311", 12, "1000.00",
                    "MBBS, FCPS (Obstetrics & Gynaecology)", "Antenatal care and high-risk pregnancy.",
                    List.of(Window.of(SUNDAY, "10:00", "14:00", 30), Window.of(MONDAY, "10:00", "14:00", 30),
                            Window.of(WEDNESDAY, "10:00", "14:00", 30))),
            new Doctor("Dr. Abdul Karim Chowdhury", "karim.chowdhury", "+8801711000004",
                    new Place("Sylhet", "Sylhet", null), "ORTHOPEDICS", "BMDC-A-18592", 18, "900.00",
                    "MBBS, MS (Orthopaedics)", "Joint replacement, sports injuries and fractures.",
                    List.of(Window.of(SATURDAY, "16:00", "20:00", 30), Window.of(TUESDAY, "16:00", "20:00", 30),
                            Window.of(THURSDAY, "16:00", "20:00", 30))),
            new Doctor("Dr. Shirin Akhter", "shirin.akhter", "+8801711000005",
                    new Place("Rajshahi", "Rajshahi", null), "PEDIATRICS", "BMDC-A-45120", 9, "700.00",
                    "MBBS, DCH", "Newborn and child health, vaccination.",
                    List.of(Window.of(SUNDAY, "09:00", "12:00", 20), Window.of(TUESDAY, "09:00", "12:00", 20),
                            Window.of(WEDNESDAY, "09:00", "12:00", 20))),
            new Doctor("Dr. Tanvir Ahmed", "tanvir.ahmed", "+8801711000006",
                    new Place("Khulna", "Khulna", null), "DERMATOLOGY", "BMDC-A-51877", 7, "800.00",
                    "MBBS, DDV", "Skin, hair and allergy clinic.",
                    List.of(Window.of(MONDAY, "18:00", "21:00", 30), Window.of(WEDNESDAY, "18:00", "21:00", 30),
                            Window.of(THURSDAY, "18:00", "21:00", 30))),
            new Doctor("Dr. Mahmudul Hasan", "mahmudul.hasan", "+8801711000007",
                    new Place("Dhaka", "Dhaka", null), "NEUROLOGY", "BMDC-A-12963", 22, "1500.00",
                    "MBBS, MD (Neurology)", "Stroke, epilepsy and headache clinic.",
                    List.of(evening(SATURDAY, 30), evening(MONDAY, 30), Window.of(THURSDAY, "10:00", "13:00", 30))),
            new Doctor("Dr. Sabina Yasmin", "sabina.yasmin", "+8801711000008",
                    new Place("Mymensingh", "Mymensingh", null), "OPHTHALMOLOGY", "BMDC-A-38406", 11, "600.00",
                    "MBBS, DO", "Cataract, glaucoma and children's eyes.",
                    List.of(morning(SUNDAY, 20), morning(TUESDAY, 20), morning(SATURDAY, 20))),
            new Doctor("Dr. Kamrul Hossain", "kamrul.hossain", "+8801711000009",
                    new Place("Barisal", "Barisal", null), "ENT", "BMDC-A-29754", 14, "650.00",
                    "MBBS, DLO, FCPS (ENT)", "Ear, nose and throat surgery, hearing tests.",
                    List.of(Window.of(MONDAY, "15:00", "19:00", 30), Window.of(WEDNESDAY, "15:00", "19:00", 30),
                            Window.of(SATURDAY, "15:00", "19:00", 30))),
            new Doctor("Dr. Rumana Begum", "rumana.begum", "+8801711000010",
                    new Place("Rangpur", "Rangpur", null), "PSYCHIATRY", "BMDC-A-47238", 10, "1100.00",
                    "MBBS, FCPS (Psychiatry)", "Anxiety, depression and sleep disorders.",
                    List.of(Window.of(SUNDAY, "16:00", "20:00", 30), Window.of(WEDNESDAY, "16:00", "20:00", 30),
                            Window.of(THURSDAY, "16:00", "20:00", 30))));

    static final List<Patient> PATIENTS = List.of(
            new Patient("Tanvir Hasan", "tanvir.hasan", "+8801811000001", new Place("Dhaka", "Dhaka", null),
                    "1988-04-12", "MALE", "B+"),
            new Patient("Nusrat Jahan", "nusrat.jahan", "+8801811000002", new Place("Dhaka", "Narayanganj", null),
                    "1994-09-03", "FEMALE", "O+"),
            new Patient("Ayesha Siddika", "ayesha.siddika", "+8801811000003", new Place("Dhaka", "Gazipur", null),
                    "1991-01-25", "FEMALE", "A+"),
            new Patient("Rakibul Hasan", "rakibul.hasan", "+8801811000004", new Place("Dhaka", "Dhaka", null),
                    "1975-07-30", "MALE", "AB+"),
            new Patient("Sumaiya Islam", "sumaiya.islam", "+8801811000005", new Place("Rajshahi", "Rajshahi", null),
                    "2016-02-14", "FEMALE", "O-"),
            new Patient("Md. Jahangir Alam", "jahangir.alam", "+8801811000006", new Place("Dhaka", "Dhaka", null),
                    "1962-11-08", "MALE", "B+"),
            new Patient("Shahana Parvin", "shahana.parvin", "+8801811000007", new Place("Dhaka", "Munshiganj", null),
                    "1970-05-19", "FEMALE", "A-"),
            new Patient("Imran Hossain", "imran.hossain", "+8801811000008",
                    new Place("Chattogram", "Chattogram", null), "1983-03-02", "MALE", "O+"),
            new Patient("Farzana Rahman", "farzana.rahman", "+8801811000009", new Place("Sylhet", "Sylhet", null),
                    "1999-12-21", "FEMALE", "B-"),
            new Patient("Arif Chowdhury", "arif.chowdhury", "+8801811000010", new Place("Khulna", "Khulna", null),
                    "1986-08-15", "MALE", "A+"),
            new Patient("Mitu Akter", "mitu.akter", "+8801811000011", new Place("Chattogram", "Comilla", null),
                    "1997-06-06", "FEMALE", "O+"),
            new Patient("Sajid Rahman", "sajid.rahman", "+8801811000012", new Place("Sylhet", "Moulvibazar", null),
                    "1979-10-10", "MALE", "AB-"),
            new Patient("Taslima Khatun", "taslima.khatun", "+8801811000013", new Place("Rangpur", "Dinajpur", null),
                    "1968-01-31", "FEMALE", "B+"),
            new Patient("Habibur Rahman", "habibur.rahman", "+8801811000014", new Place("Barisal", "Barisal", null),
                    "1958-04-04", "MALE", "O+"),
            new Patient("Sharmin Sultana", "sharmin.sultana", "+8801811000015",
                    new Place("Mymensingh", "Mymensingh", null), "1990-09-27", "FEMALE", "A+"),
            new Patient("Kamal Uddin", "kamal.uddin", "+8801811000016", new Place("Khulna", "Jessore", null),
                    "1981-02-17", "MALE", "B+"),
            new Patient("Rokeya Begum", "rokeya.begum", "+8801811000017", new Place("Rajshahi", "Bogra", null),
                    "1965-12-01", "FEMALE", "O-"),
            new Patient("Nayeem Islam", "nayeem.islam", "+8801811000018", new Place("Rangpur", "Rangpur", null),
                    "2001-07-23", "MALE", "A-"),
            new Patient("Fatema Tuz Zohra", "fatema.zohra", "+8801811000019", new Place("Dhaka", "Tangail", null),
                    "1993-03-11", "FEMALE", "AB+"));

    static final List<Appointment> APPOINTMENTS = List.of(
            new Appointment(0, 0, When.UPCOMING, 0, "PENDING", "Chest pain when climbing stairs", null, null),
            new Appointment(1, 1, When.UPCOMING, 1, "PENDING", "Follow-up of blood sugar", null, null),
            new Appointment(2, 2, When.UPCOMING, 0, "CONFIRMED", "Antenatal check-up, 20 weeks", null, null),
            new Appointment(6, 3, When.UPCOMING, 2, "CONFIRMED", "Recurring migraine", null, null),
            new Appointment(4, 4, When.UPCOMING, 1, "CANCELLED", "Vaccination", "Travelling that week",
                    CancelledBy.PATIENT),
            new Appointment(0, 5, When.LAST_MONTH, 0, "COMPLETED", "Palpitations",
                    "Tab. Bisoprolol 2.5 mg once daily; ECG again in 3 months", null),
            new Appointment(0, 6, When.LAST_MONTH, 1, "COMPLETED", "High blood pressure",
                    "Tab. Amlodipine 5 mg once daily; low-salt diet", null),
            new Appointment(1, 7, When.LAST_MONTH, 0, "COMPLETED", "Fever for three days",
                    "Tab. Paracetamol 500 mg when needed; CBC report next visit", null),
            new Appointment(3, 8, When.LAST_MONTH, 0, "NO_SHOW", "Knee pain after a fall", null, null),
            new Appointment(5, 9, When.LAST_MONTH, 1, "CANCELLED", "Skin rash", "The doctor is on emergency duty",
                    CancelledBy.DOCTOR));
}
